using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopoDsl.Generators.Tests.Harness;

namespace TopoDsl.Generators.Tests;

/// <summary>
/// #pragma warning and the compilation's diagnostic options apply to the generator's warnings. The driver returns
/// generator diagnostics after running them through the compilation's options: a warning under #pragma warning
/// disable stays in the list, marked IsSuppressed, and the harness drops it. The output compilation's own
/// GetDiagnostics() never holds generator diagnostics, so it cannot be the place to look for them.
/// </summary>
public class PragmaTests
{
    private static string SignSgd(string before, string after) => $$""""
        using TopoDsl;

        namespace Demo;

        {{before}}
        [UpdateRule("""
            p -= lr * sign(g)
            """)]
        {{after}}
        public partial class SignLike
        {
            public float lr = 1e-3f;
        }
        """";

    [Fact]
    public void Without_a_pragma_the_sign_warning_is_reported()
    {
        var run = GeneratorHarness.Run(SignSgd("", ""));

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("TDSL0301", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.False(warning.IsSuppressed);
        Assert.Single(run.Sources);
    }

    [Fact]
    public void A_pragma_around_the_attribute_suppresses_the_sign_warning()
    {
        var run = GeneratorHarness.Run(SignSgd("#pragma warning disable TDSL0301", "#pragma warning restore TDSL0301"));

        Assert.Empty(run.Diagnostics);
        var suppressed = Assert.Single(run.DriverDiagnostics);
        Assert.Equal("TDSL0301", suppressed.Id);
        Assert.True(suppressed.IsSuppressed);
        Assert.Single(run.Sources); // the warning is gone, the code is not
        run.AssertCompilesWithoutErrors();
    }

    [Fact]
    public void The_output_compilation_does_not_carry_generator_diagnostics()
    {
        var run = GeneratorHarness.Run(SignSgd("", ""));

        Assert.Single(run.Diagnostics);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id.StartsWith("TDSL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pragma_for_another_id_or_restored_before_the_attribute_does_not_suppress()
    {
        var other = GeneratorHarness.Run(SignSgd("#pragma warning disable TDSL0302", ""));
        var restored = GeneratorHarness.Run(SignSgd("#pragma warning disable TDSL0301\n#pragma warning restore TDSL0301", ""));

        Assert.Equal("TDSL0301", Assert.Single(other.Diagnostics).Id);
        Assert.Equal("TDSL0301", Assert.Single(restored.Diagnostics).Id);
    }

    [Fact]
    public void A_pragma_cannot_suppress_an_error()
    {
        var run = GeneratorHarness.Run($$""""
            using TopoDsl;

            #pragma warning disable TDSL0203
            [UpdateRule("""
                p -= lr * roll(g, 1)
                """)]
            #pragma warning restore TDSL0203
            public partial class Rolling
            {
                public float lr = 1e-3f;
            }
            """");

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("TDSL0203", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Diagnostic_options_suppress_a_warning_or_make_it_an_error()
    {
        var input = GeneratorHarness.Compile(SignSgd("", ""));
        var suppressed = GeneratorHarness.Run(GeneratorHarness.NewDriver(), input.WithOptions(input.Options
            .WithSpecificDiagnosticOptions([new("TDSL0301", ReportDiagnostic.Suppress)])));
        var asErrors = GeneratorHarness.Run(GeneratorHarness.NewDriver(), input.WithOptions(input.Options
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)));

        Assert.Empty(suppressed.Diagnostics);
        var error = Assert.Single(asErrors.Diagnostics);
        Assert.Equal("TDSL0301", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.True(error.IsWarningAsError);
    }

    [Fact]
    public void A_severity_option_cannot_hide_an_error()
    {
        var input = GeneratorHarness.Compile(Sources.Optimizer("p -= lr * roll(g, 1)"));
        var run = GeneratorHarness.Run(GeneratorHarness.NewDriver(), input.WithOptions(input.Options
            .WithSpecificDiagnosticOptions([new("TDSL0203", ReportDiagnostic.Suppress)])));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("TDSL0203", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }
}
