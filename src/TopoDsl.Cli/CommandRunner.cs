using System.CommandLine;
using TopoDsl.Homology.IO;
using TopoDsl.Text;

namespace TopoDsl.Cli;

/// <summary>
/// Runs the parsed command and turns every kind of bad input into one clear line on standard error and exit
/// code 2, never a stack trace.
/// </summary>
internal static class CommandRunner
{
    public const int BadInput = CommandLineErrors.BadInput;

    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (CommandLineErrors.Report(parse, "topo")) return BadInput;
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsBadInput(e))
        {
            Console.Error.WriteLine($"topo: {ErrorLine.Of(e)}");
            return BadInput;
        }
        catch (TopoDsl.Training.Loop.TrainingDivergedException e)
        {
            Console.Error.WriteLine($"topo: {ErrorLine.Of(e)}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("topo: cancelled");
            return 130;
        }
    }

    private static bool IsBadInput(Exception e) => CommandLineErrors.IsBadInput(e) || e is InputFormatException or UsageException;
}

/// <summary>A command-line value that is well-formed but not acceptable (names the option).</summary>
internal sealed class UsageException(string message) : Exception(message);
