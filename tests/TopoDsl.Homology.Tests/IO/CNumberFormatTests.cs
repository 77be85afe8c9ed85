using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>Expected strings are what glibc's printf("%g") / C++ std::cout print for these values.</summary>
public class CNumberFormatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.0, "1")]
    [InlineData(2.0, "2")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.5, "0.5")]
    [InlineData(1.7320508075688772, "1.73205")]
    [InlineData(3.14159265358979, "3.14159")]
    [InlineData(0.3333333333333333, "0.333333")]
    [InlineData(0.0142857, "0.0142857")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(-0.000001, "-1e-06")]
    [InlineData(0.00012345678, "0.000123457")]
    [InlineData(1.23456789e-05, "1.23457e-05")]
    [InlineData(9.9999995e-05, "0.0001")]
    [InlineData(12345.6789, "12345.7")]
    [InlineData(100000.0, "100000")]
    [InlineData(999999.0, "999999")]
    [InlineData(123456.5, "123456")] // a tie rounds to even
    [InlineData(999999.5, "1e+06")]
    [InlineData(1000000.0, "1e+06")]
    [InlineData(1234565.0, "1.23456e+06")] // a tie rounds to even
    [InlineData(1234575.0, "1.23458e+06")]
    [InlineData(123456789.0, "1.23457e+08")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e100, "1e+100")]
    [InlineData(1e-100, "1e-100")]
    [InlineData(1.7976931348623157e308, "1.79769e+308")]
    [InlineData(2.2250738585072014e-308, "2.22507e-308")]
    [InlineData(5e-324, "4.94066e-324")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Default_precision_matches_C(double value, string expected) =>
        Assert.Equal(expected, CNumberFormat.General(value));

    [Fact]
    public void NaN_prints_with_its_sign_bit_as_glibc_does()
    {
        Assert.Equal("nan", CNumberFormat.General(BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000)));
        Assert.Equal("-nan", CNumberFormat.General(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0000))));
    }

    [Theory]
    [InlineData(1.4142135f, "1.41421")]
    [InlineData(2.236068f, "2.23607")]
    [InlineData(0.1f, "0.1")]
    [InlineData(1e-5f, "1e-05")]
    [InlineData(0.0142857f, "0.0142857")]
    [InlineData(16777217f, "1.67772e+07")]
    [InlineData(3.4028235e38f, "3.40282e+38")]
    public void Floats_print_as_cout_prints_them(float value, string expected) =>
        Assert.Equal(expected, CNumberFormat.General(value));

    [Theory]
    [InlineData(2.5, 1, "2")]
    [InlineData(3.5, 1, "4")]
    [InlineData(2.5, 0, "2")]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(1234.5, 3, "1.23e+03")]
    [InlineData(0.1, 17, "0.10000000000000001")]
    [InlineData(0.3333333333333333, 10, "0.3333333333")]
    public void Other_precisions_match_C(double value, int precision, string expected) =>
        Assert.Equal(expected, CNumberFormat.General(value, precision));
}
