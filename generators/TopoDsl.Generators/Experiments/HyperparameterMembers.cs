using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Dsl;
using TopoDsl.Generators.Model;

namespace TopoDsl.Generators.Experiments;

/// <summary>
/// The experiment class's fields and properties named after the rule's hyperparameters: an initializer (or a
/// const) fixes the value, [Sweep] sweeps absolute values, [SweepTimesEtaStar] sweeps multiples of η* = 1/K.
/// </summary>
internal static class HyperparameterMembers
{
    public const string SweepAttribute = "TopoDsl.Experiments.SweepAttribute";
    public const string EtaStarAttribute = "TopoDsl.Experiments.SweepTimesEtaStarAttribute";

    public static (List<NamedValue> Fixed, List<SweepModel> Sweeps) Read(INamedTypeSymbol experiment, INamedTypeSymbol? rule,
        List<Hyperparameter> settable, string stepSize, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
    {
        var fixedValues = new List<NamedValue>();
        var sweeps = new List<SweepModel>();
        foreach (var member in experiment.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member is not (IFieldSymbol or IPropertySymbol)) continue;
            var sweep = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == SweepAttribute);
            var etaStar = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == EtaStarAttribute);
            var hyperparameter = settable.FirstOrDefault(h => h.Name == member.Name);
            if (hyperparameter is null)
            {
                if ((sweep ?? etaStar) is { } marked && rule is not null)
                    diagnostics.Add(Report(ExperimentDiagnostics.NotAHyperparameter, AttributeExpressions.LocationOf(marked, cancellation),
                        member.Name, marked.AttributeClass!.Name.Replace("Attribute", ""), rule.Name,
                        settable.Count == 0 ? "none" : string.Join(", ", settable.Select(h => h.Name))));
                continue;
            }
            var initializer = Initializer(member, compilation, cancellation);
            if (etaStar is not null)
            {
                var at = AttributeExpressions.LocationOf(etaStar, cancellation);
                if (member.Name != stepSize)
                    diagnostics.Add(Report(ExperimentDiagnostics.EtaStarNotStepSize, at, member.Name, rule?.Name ?? "?", stepSize));
                else if (sweep is not null)
                    diagnostics.Add(Report(ExperimentDiagnostics.StepSizeTwice, at, member.Name, "absolute values ([Sweep])"));
                else if (initializer is not null)
                    diagnostics.Add(Report(ExperimentDiagnostics.StepSizeTwice, at, member.Name, $"the value {initializer.Value.Text}"));
                else if (Multiples(etaStar, member.Name, diagnostics, cancellation) is { } multiples)
                    sweeps.Add(new SweepModel(member.Name, multiples, TimesEtaStar: true));
                continue;
            }
            if (sweep is not null)
            {
                if (SweepValues(sweep, member, hyperparameter, diagnostics, cancellation) is { } values) sweeps.Add(new SweepModel(member.Name, values, TimesEtaStar: false));
                continue;
            }
            if (initializer is { } value)
            {
                if (value.Number is double number) fixedValues.Add(new NamedValue(member.Name, number));
                else diagnostics.Add(Report(ExperimentDiagnostics.WrongSweepType, value.Location, "the value", member.Name, value.Text, "a hyperparameter's value must be a number"));
            }
        }
        return (fixedValues, sweeps);
    }

    private static EquatableArray<double>? Multiples(AttributeData attribute, string member, List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
    {
        var values = AttributeExpressions.ParamsValues(attribute).Select(v => v.Value is double d ? d : double.NaN).ToList();
        for (int i = 0; i < values.Count; i++)
            if (!(values[i] > 0) || double.IsInfinity(values[i]))
            {
                diagnostics.Add(Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.ArgumentLocation(attribute, i, cancellation),
                    $"[SweepTimesEtaStar] on `{member}`: multiple {i + 1} must be a positive finite number"));
                return null;
            }
        if (values.Count == 0)
        {
            diagnostics.Add(Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.LocationOf(attribute, cancellation), $"[SweepTimesEtaStar] on `{member}` gives no multiples"));
            return null;
        }
        return RepeatsNone(values, attribute, $"[SweepTimesEtaStar] on `{member}`", "multiple", diagnostics, cancellation) ? values.ToEquatableArray() : (EquatableArray<double>?)null;
    }

    private static EquatableArray<double>? SweepValues(AttributeData attribute, ISymbol member, Hyperparameter hyperparameter,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
    {
        var memberType = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
        var constants = AttributeExpressions.ParamsValues(attribute);
        if (constants.Count == 0)
        {
            diagnostics.Add(Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.LocationOf(attribute, cancellation), $"[Sweep] on `{member.Name}` gives no values"));
            return null;
        }
        var values = new List<double>();
        for (int i = 0; i < constants.Count; i++)
        {
            var constant = constants[i];
            (string Is, string Needs)? problem = Number(constant.Value) is not double number
                ? (Describe(constant), $"`{member.Name}` is {memberType.ToDisplayString()}")
                : !IsNumeric(memberType) ? ("a number", $"`{member.Name}` is declared {memberType.ToDisplayString()}; declare it float, double or int")
                : hyperparameter.Type == HyperparameterType.Int && number != Math.Floor(number)
                    ? (number.ToString("R", System.Globalization.CultureInfo.InvariantCulture), $"`{member.Name}` is an int hyperparameter of the rule")
                : null;
            if (problem is { } p)
            {
                diagnostics.Add(Report(ExperimentDiagnostics.WrongSweepType, AttributeExpressions.ArgumentLocation(attribute, i, cancellation),
                    $"value {i + 1} of [Sweep]", member.Name, p.Is, p.Needs));
                return null;
            }
            values.Add(Number(constant.Value)!.Value);
        }
        return RepeatsNone(values, attribute, $"[Sweep] on `{member.Name}`", "value", diagnostics, cancellation) ? values.ToEquatableArray() : (EquatableArray<double>?)null;
    }

    /// <summary>
    /// Refuses a value given twice (also as 1e-3 and 0.001): two cells would share one id and folder, and the
    /// verdict table one key.
    /// </summary>
    private static bool RepeatsNone(List<double> values, AttributeData attribute, string what, string noun, List<DiagnosticInfo> diagnostics,
        CancellationToken cancellation)
    {
        for (int j = 1; j < values.Count; j++)
        {
            int i = values.IndexOf(values[j]);
            if (i == j) continue;
            diagnostics.Add(Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.ArgumentLocation(attribute, j, cancellation),
                $"{what}: {noun} {j + 1} repeats {noun} {i + 1}"));
            return false;
        }
        return true;
    }

    private static string Describe(TypedConstant constant) => constant.IsNull ? "null"
        : constant.Value is string s ? $"the string \"{s}\"" : $"{constant.ToCSharpString()} of type {constant.Type?.ToDisplayString() ?? "?"}";

    private static bool IsNumeric(ITypeSymbol type) => type.SpecialType is SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Decimal;

    private static double? Number(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        uint u => u,
        ulong u => u,
        decimal m => (double)m,
        _ => null,
    };

    private static (double? Number, string Text, Location Location)? Initializer(ISymbol member, Compilation compilation, CancellationToken cancellation)
    {
        if (Reading.HyperparameterReader.InitializerOf(member, cancellation) is not { } value) return null;
        var constant = compilation.GetSemanticModel(value.SyntaxTree).GetConstantValue(value, cancellation);
        return (constant.HasValue ? Number(constant.Value) : null, value.ToString(), value.GetLocation());
    }

    private static DiagnosticInfo Report(Dsl.DiagnosticDescriptor descriptor, Location at, params object[] arguments) =>
        DiagnosticInfo.Create(descriptor, at, arguments);
}
