using TopoDsl.Text;

namespace TopoDsl.Cli.Tests;

/// <summary>The mechanism that turns any exception that ends a command into its one line.</summary>
public class ErrorLineTests
{
    [Fact]
    public void An_argument_exception_loses_the_parameter_name_that_dotnet_appends()
    {
        var e = new ArgumentException("the matrix is not symmetric", "values");
        Assert.EndsWith("(Parameter 'values')", e.Message);

        Assert.Equal("the matrix is not symmetric", ErrorLine.Of(e));
    }

    [Fact]
    public void An_out_of_range_argument_loses_the_parameter_name_and_the_actual_value_line()
    {
        var e = new ArgumentOutOfRangeException("Modulus", 4, "Modulus 4 is not a prime");
        Assert.Contains("\n", e.Message);

        Assert.Equal("Modulus 4 is not a prime", ErrorLine.Of(e));
    }

    [Fact]
    public void A_message_that_merely_mentions_a_parameter_keeps_its_text()
    {
        var e = new ArgumentException("use (Parameter 'x') literally", "y");

        Assert.Equal("use (Parameter 'x') literally", ErrorLine.Of(e));
    }

    [Fact]
    public void Control_characters_are_escaped_so_the_message_stays_one_printable_line()
    {
        var e = new FileNotFoundException("no such file: a\nb\u001b[2J\0");

        Assert.Equal(@"no such file: a\nb\x1B[2J\x00", ErrorLine.Of(e));
    }

    [Fact]
    public void Other_messages_pass_unchanged()
    {
        Assert.Equal("topo train diverged at step 3", ErrorLine.Of(new InvalidDataException("topo train diverged at step 3")));
    }
}
