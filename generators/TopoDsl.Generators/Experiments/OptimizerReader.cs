using System.Globalization;
using Microsoft.CodeAnalysis;
using TopoDsl.Dsl;
using TopoDsl.Generators.Reading;

namespace TopoDsl.Generators.Experiments;

/// <summary>
/// The [Optimizer] type of an experiment: whether it can be one, its settable hyperparameters and their defaults,
/// and, for an [UpdateRule] class, the rule checker's verdict at the experiment's own hyperparameter values.
/// </summary>
internal static class OptimizerReader
{
    public const string OptimizerInterface = "TopoDsl.Training.Optimizers.IOptimizer";

    /// <summary>Why <paramref name="type"/> cannot be the update rule, or null when it can.</summary>
    public static string? Problem(INamedTypeSymbol type)
    {
        bool isRule = RuleText(type) is not null;
        if (!isRule && !type.AllInterfaces.Any(i => i.ToDisplayString() == OptimizerInterface))
            return "it is neither an [UpdateRule] class nor an IOptimizer";
        if (type.IsAbstract || type.IsStatic) return "it is abstract or static";
        // A rule class of this project that the rule generator cannot extend gets no optimizer (its TDSL000x says why).
        if (isRule && !type.AllInterfaces.Any(i => i.ToDisplayString() == OptimizerInterface) && !IsPartialEverywhere(type))
            return "its [UpdateRule] class is not partial, so no optimizer is generated for it";
        if (type.IsUnboundGenericType || type.TypeParameters.Length > 0 && type.TypeArguments.Any(a => a is ITypeParameterSymbol)) return "it is an open generic type";
        if (!type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
            return "it has no public parameterless constructor";
        return null;
    }

    private static bool IsPartialEverywhere(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            foreach (var reference in current.DeclaringSyntaxReferences)
                if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(m => m.ValueText == "partial"))
                    return false;
        return true;
    }

    /// <summary>The [UpdateRule] text of the type, or null for another optimizer.</summary>
    public static string? RuleText(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == UpdateRuleGenerator.AttributeName) is { } rule
        && rule.ConstructorArguments.Length == 1 ? rule.ConstructorArguments[0].Value as string : null;

    /// <summary>
    /// Every hyperparameter of the type with its default: from the initializer in source, or from the generated
    /// <c>Traits.Defaults</c> of a compiled [UpdateRule] class (metadata keeps no field initializers).
    /// </summary>
    public static List<Hyperparameter> All(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellation)
    {
        var compiled = CompiledDefaults(type);
        return HyperparameterReader.Read(type, compilation, cancellation)
            .Select(h => h.DefaultValue is null && compiled.TryGetValue(h.Name, out double d) ? h with { DefaultValue = d } : h).ToList();
    }

    /// <summary>
    /// The hyperparameters the generated code may set: public instance fields (not readonly or const) and properties
    /// with a public setter, of type float, double or int. A compiled [UpdateRule] class's Threads (the thread count
    /// its generated optimizer declares) is a setting of the machine, not of the rule, and is left out.
    /// </summary>
    public static List<Hyperparameter> Settable(INamedTypeSymbol type, List<Hyperparameter> all) =>
        all.Where(h => h.Type is HyperparameterType.Float or HyperparameterType.Double or HyperparameterType.Int && IsSettable(type, h.Name)
                       && !(h.Name == Dsl.Emit.GeneratedMembers.Threads && RuleText(type) is not null)).ToList();

    public static string Cast(HyperparameterType type) => type switch
    {
        HyperparameterType.Float => "(float)",
        HyperparameterType.Int => "(int)",
        _ => "",
    };

    /// <summary>
    /// Theorem 1's hypotheses for every combination of absolute sweep values (at most <paramref name="limit"/>;
    /// beyond that one conservative verdict with the swept values unknown). A multiple of η* is unknown at build time.
    /// </summary>
    public static EquatableArray<VerdictModel> Verdicts(string ruleText, List<Hyperparameter> hyperparameters,
        IReadOnlyList<NamedValue> fixedValues, IReadOnlyList<SweepModel> sweeps, int limit = 256)
    {
        var absolute = sweeps.Where(s => !s.TimesEtaStar).ToList();
        var unknown = new HashSet<string>(sweeps.Where(s => s.TimesEtaStar).Select(s => s.Name), StringComparer.Ordinal);
        var everyValueUnknown = new HashSet<string>(unknown.Concat(absolute.Select(s => s.Name)), StringComparer.Ordinal);
        var conservative = Verdict("*", ruleText, hyperparameters, fixedValues, [], everyValueUnknown);
        long combinations = absolute.Aggregate(1L, (n, s) => n * Math.Max(1, s.Values.Count));
        if (combinations > limit) return new[] { conservative }.ToEquatableArray();
        IEnumerable<List<NamedValue>> points = [[]];
        foreach (var axis in absolute)
            points = points.SelectMany(p => axis.Values.Select(v => new List<NamedValue>(p) { new(axis.Name, v) })).ToList();
        // What holds with the swept values unknown holds at each of them, so one analysis serves every combination
        // when the theorem applies; only when it does not are the combinations told apart (where does it fail?).
        return conservative is { Equivariant: true, Lipschitz: true }
            ? points.Select(p => conservative with { Key = Key(p.Select(v => v.Value)) }).ToEquatableArray()
            : points.Select(p => Verdict(Key(p.Select(v => v.Value)), ruleText, hyperparameters, fixedValues, p, unknown)).ToEquatableArray();
    }

    /// <summary>The key of a combination of absolute sweep values, as the generated lookup builds it too.</summary>
    public static string Key(IEnumerable<double> values) => string.Join(";", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static VerdictModel Verdict(string key, string ruleText, List<Hyperparameter> hyperparameters, IReadOnlyList<NamedValue> fixedValues,
        List<NamedValue> point, HashSet<string> unknown)
    {
        var context = hyperparameters.Select(h =>
            unknown.Contains(h.Name) ? h with { DefaultValue = null } :
            point.FirstOrDefault(v => v.Name == h.Name) is { } swept ? h with { DefaultValue = swept.Value } :
            fixedValues.FirstOrDefault(v => v.Name == h.Name) is { } set ? h with { DefaultValue = set.Value } : h).ToEquatableArray();
        var analysis = RuleCompiler.Analyze(ruleText, new RuleContext(context));
        var reasons = new List<string>();
        if (analysis.HasErrors) reasons.Add("the rule has errors (see its TDSL diagnostics)");
        var traits = analysis.Traits;
        if (!traits.Equivariant) reasons.Add("the rule is not permutation equivariant over neurons (see its TDSL02xx diagnostics)");
        if (traits.EquivariantOnlyInDistribution) reasons.Add("the rule draws noise: it is equivariant only in distribution, so two neurons at one point can split");
        if (!traits.Lipschitz) reasons.AddRange(traits.LipschitzReasons);
        bool equivariant = traits.Equivariant && !traits.EquivariantOnlyInDistribution && !analysis.HasErrors;
        return new VerdictModel(key, equivariant, traits.Lipschitz && !analysis.HasErrors, reasons.ToEquatableArray());
    }

    private static bool IsSettable(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
            foreach (var member in current.GetMembers(name))
                return member switch
                {
                    IFieldSymbol field => !field.IsReadOnly && !field.IsConst && !field.IsStatic,
                    IPropertySymbol property => property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false } && !property.IsStatic,
                    _ => false,
                };
        return false;
    }

    /// <summary>"name=value;..." from the generated Traits.Defaults of a compiled [UpdateRule] class.</summary>
    private static Dictionary<string, double> CompiledDefaults(INamedTypeSymbol type)
    {
        var defaults = new Dictionary<string, double>(StringComparer.Ordinal);
        var traits = type.GetTypeMembers("Traits").FirstOrDefault();
        if (traits?.GetMembers("Defaults").OfType<IFieldSymbol>().FirstOrDefault() is not { HasConstantValue: true, ConstantValue: string text })
            return defaults;
        foreach (var pair in text.Split([';'], StringSplitOptions.RemoveEmptyEntries))
        {
            int at = pair.IndexOf('=');
            if (at > 0 && double.TryParse(pair.Substring(at + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                defaults[pair.Substring(0, at)] = value;
        }
        return defaults;
    }
}
