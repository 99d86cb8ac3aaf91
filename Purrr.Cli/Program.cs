namespace Purrr.Cli;

// A named class in the Purrr.Cli namespace (not top-level statements): the tests reference both this tool and Purrr.Web,
// whose top-level Program would otherwise clash with this one.
internal static class Program
{
    private static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliEnvironment.System());
}
