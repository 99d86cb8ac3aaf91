using Purrr.Data.Setup;

namespace Purrr.Web.Background;

public static class FirstPageGateSetup
{
    /// <summary>Opens the gate when the first response has been written (first in the pipeline, so it sees every response).</summary>
    public static void UseFirstPageGate(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<FirstPageGate>();
        app.Use(async (context, next) =>
        {
            await next(context);
            gate.Open();
        });
    }
}
