using System.Globalization;
using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>The fast float path must agree bit for bit with the framework's correctly rounded parser.</summary>
public class FloatTextTests
{
    private static void AssertAgreesWithFramework(string text)
    {
        bool expectedOk = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float expected);
        bool ok = FloatText.TryParse(text, out float actual);
        Assert.Equal(expectedOk, ok);
        if (ok) Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+0.0")]
    [InlineData("1")]
    [InlineData("1.41421")]
    [InlineData("0.0142857")]
    [InlineData("1e-05")]
    [InlineData("1E5")]
    [InlineData("2.5e+10")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("16777216")]
    [InlineData("16777217")]
    [InlineData("0.000000000016777217")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1e-50")]
    [InlineData("3.4028235e38")]
    [InlineData("1e39")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("12abc")]
    public void Agrees_with_the_framework_on_edge_cases(string text) => AssertAgreesWithFramework(text);

    [Fact]
    public void Agrees_with_the_framework_on_random_short_decimals()
    {
        var random = new Random(2024);
        for (int k = 0; k < 200_000; k++)
        {
            double magnitude = Math.Pow(10, random.Next(-14, 14)) * random.NextDouble();
            string format = "G" + random.Next(1, 10);
            AssertAgreesWithFramework((random.Next(2) == 0 ? -magnitude : magnitude).ToString(format, CultureInfo.InvariantCulture));
            AssertAgreesWithFramework(magnitude.ToString("F" + random.Next(0, 12), CultureInfo.InvariantCulture));
        }
    }
}
