using TopoDsl.Text;

namespace TopoDsl.Text;

/// <summary>The one line on standard error for an exception that ends a command.</summary>
internal static class ErrorLine
{
    /// <summary>
    /// The exception's message without what .NET appends to argument exceptions: " (Parameter 'x')" names a library
    /// parameter, meaningless on the command line, and "Actual value was v." goes on a line of its own. Anything
    /// unprintable left (a path or input text with control characters) is escaped, so the message stays one line.
    /// </summary>
    public static string Of(Exception e)
    {
        string message = e.Message;
        // The suffixes are produced by the runtime itself, in its own words, rather than spelled here.
        if (e is ArgumentOutOfRangeException { ActualValue: { } value })
            message = WithoutSuffix(message, new ArgumentOutOfRangeException(null, value, "").Message);
        if (e is ArgumentException { ParamName: { Length: > 0 } name })
            message = WithoutSuffix(message, new ArgumentException("", name).Message);
        return PrintableText.Escape(message);
    }

    private static string WithoutSuffix(string message, string suffix) =>
        suffix.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
}
