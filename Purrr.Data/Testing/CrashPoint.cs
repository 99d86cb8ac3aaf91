using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Purrr.Data.Testing;

/// <summary>
/// Crash-safety tests only, off unless <c>Testing:PauseAt</c> names an entity type (e.g. <c>Post</c>, <c>Cat</c>): a save
/// that writes such an entity stops for good just before its transaction commits, after printing
/// <c>CRASH-POINT &lt;name&gt;</c> on standard output, so a test can kill the process with the transaction half done.
/// </summary>
public static class CrashPoint
{
    public const string Setting = "Testing:PauseAt";
    public const string Banner = "CRASH-POINT ";

    public static DbContextOptionsBuilder AddTestingCrashPoint(this DbContextOptionsBuilder options, IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } entity ? options.AddInterceptors(new PauseBeforeCommit(entity)) : options;

    private sealed class PauseBeforeCommit(string entity) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Writes(eventData.Context))
                await PauseForeverAsync();
            return result;
        }

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            if (Writes(eventData.Context))
                PauseForeverAsync().GetAwaiter().GetResult();
            return result;
        }

        private bool Writes(DbContext? context) =>
            context is not null && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified && e.Metadata.ClrType.Name == entity);

        private async Task PauseForeverAsync()
        {
            await Console.Out.WriteLineAsync(Banner + entity);
            await Console.Out.FlushAsync();
            await Task.Delay(Timeout.Infinite, CancellationToken.None); // the test kills the process here
        }
    }
}
