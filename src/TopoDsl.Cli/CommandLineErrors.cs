using System.CommandLine;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Text;

/// <summary>
/// What every TopoDsl command line (topo, and a project's experiments through ExperimentApp) does with input it
/// cannot use: one line per problem on standard error and exit code 2, never a stack trace. Compiled into both.
/// </summary>
internal static class CommandLineErrors
{
    public const int BadInput = 2;

    /// <summary>Prints the parse errors, with a pointer to --help; true when there were any.</summary>
    public static bool Report(ParseResult parse, string program)
    {
        if (parse.Errors.Count == 0) return false;
        foreach (var error in parse.Errors) Console.Error.WriteLine($"{program}: {PrintableText.Escape(error.Message)}");
        Console.Error.WriteLine($"Run '{program} --help' for usage.");
        return true;
    }

    /// <summary>Failures that mean the input (a file, a folder, a value, a size) is at fault, whichever command met them.</summary>
    public static bool IsBadInput(Exception e) => e is ArgumentException or FileNotFoundException or DirectoryNotFoundException
        or UnauthorizedAccessException or InvalidDataException or Training.Data.DataFormatException
        or InsufficientMemoryBudgetException or SimplexIndexOverflowException;
}
