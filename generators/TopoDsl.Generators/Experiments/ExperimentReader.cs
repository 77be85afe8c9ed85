using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Dsl;
using TopoDsl.Generators.Model;

namespace TopoDsl.Generators.Experiments;

/// <summary>
/// The transform of the experiments pipeline: from an [Experiment] class to its model and diagnostics, as plain
/// values. Each problem is reported at the attribute, argument or member that causes it.
/// </summary>
internal static class ExperimentReader
{
    public const string AttributeName = "TopoDsl.Experiments.ExperimentAttribute";
    private const string Prefix = "TopoDsl.Experiments.";

    public static ExperimentResult Read(GeneratorAttributeSyntaxContext target, CancellationToken cancellation)
    {
        var type = (INamedTypeSymbol)target.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)target.TargetNode;
        var compilation = target.SemanticModel.Compilation;
        var diagnostics = new List<DiagnosticInfo>();
        var experiment = target.Attributes[0];
        // [Experiment] on two parts of one class (the compiler reports CS0579): the first part speaks for the class,
        // so that its code is added once.
        var first = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName)?.ApplicationSyntaxReference;
        if (first is not null && experiment.ApplicationSyntaxReference is { } here && (first.SyntaxTree != here.SyntaxTree || first.Span != here.Span))
            return new ExperimentResult(null, "", new NameSite("", default, type.Name), EquatableArray<DiagnosticInfo>.Empty);
        string name = experiment.ConstructorArguments.FirstOrDefault().Value as string ?? type.Name;
        var nameAt = experiment.ConstructorArguments.Length > 0 ? AttributeExpressions.ArgumentLocation(experiment, 0, cancellation) : declaration.Identifier.GetLocation();
        var site = new NameSite(declaration.SyntaxTree.FilePath, nameAt.SourceSpan, type.Name);
        var reader = new Context(type, declaration, diagnostics, cancellation);

        reader.CheckTarget();
        reader.CheckGeneratedMembers();
        if (name.Length == 0 || name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.')))
            reader.Report(ExperimentDiagnostics.BadSetting, nameAt, $"the experiment name \"{name}\" must be letters, digits, '-', '_' or '.' (it names folders and `run NAME`)");

        var mlp = reader.One("MlpAttribute");
        var network = reader.Choose("network", new[] { mlp }, reader.Methods("NetworkAttribute"), "[Mlp(...)] or a [Network] method",
            "static Module Name(ulong seed)", m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_UInt64 && DerivesFrom(m.ReturnType, "TopoDsl.Training.Modules.Module"));
        var dataAttributes = new[] { "TeacherStudentDataAttribute", "FashionMnistDataAttribute", "CsvDataAttribute" }.Select(reader.One).Where(a => a is not null).ToList();
        var data = reader.Choose("data", dataAttributes, reader.Methods("DataAttribute"), "[TeacherStudentData], [FashionMnistData], [CsvData] or a [Data] method",
            "static ExperimentData Name(ulong seed)", m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_UInt64 && DerivesFrom(m.ReturnType, "TopoDsl.Experiments.Definitions.ExperimentData"));
        var initialOnClass = reader.One("InitialNeuronsAttribute");
        // [InitialNeurons] without a shape on the class is no initialisation (TDSL0412 below says what it lacks).
        var initialNeurons = reader.Choose("neuron initialisation", initialOnClass is { ConstructorArguments.Length: > 0 } ? [initialOnClass] : [], reader.Methods("InitialNeuronsAttribute"), null,
            "static Tensor Name(int neurons, int dimension, ulong seed)", m => m.Parameters.Length == 3 && m.Parameters[0].Type.SpecialType == SpecialType.System_Int32
                && m.Parameters[1].Type.SpecialType == SpecialType.System_Int32 && m.Parameters[2].Type.SpecialType == SpecialType.System_UInt64
                && DerivesFrom(m.ReturnType, "TopoDsl.Training.Tensors.Tensor"));
        if (initialOnClass is not null && initialOnClass.ConstructorArguments.Length == 0)
            reader.Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.LocationOf(initialOnClass, cancellation),
                "[InitialNeurons] on the class needs a shape, e.g. [InitialNeurons(NeuronShape.FigureEight)]; on a method it marks the method that gives the cloud");
        if (initialOnClass is { ConstructorArguments.Length: 1 } && initialOnClass.ConstructorArguments[0] is { Value: int undefined, Type: { } shapeType }
            && !shapeType.GetMembers().OfType<IFieldSymbol>().Any(f => f.HasConstantValue && Equals(f.ConstantValue, undefined)))
            reader.Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.ArgumentLocation(initialOnClass, 0, cancellation),
                $"{undefined} is not a NeuronShape: give one of {string.Join(", ", shapeType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name))}");
        var train = reader.One("TrainAttribute");
        if (train is null) reader.Missing("schedule", "[Train(Epochs = ..., BatchSize = ...)]");
        else reader.CheckTrain(train);
        var track = reader.One("TrackAttribute");
        var quick = reader.One("QuickAttribute");
        var optimizerAttribute = reader.One("OptimizerAttribute");
        var optimizer = optimizerAttribute is null ? null : reader.Optimizer(optimizerAttribute);
        if (optimizerAttribute is null) reader.Missing("update rule", "[Optimizer(typeof(...))]");

        var ruleType = optimizerAttribute?.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;
        var all = optimizer is null ? [] : OptimizerReader.All(ruleType!, compilation, cancellation);
        var settable = optimizer is null ? [] : OptimizerReader.Settable(ruleType!, all);
        string stepSize = optimizerAttribute is null ? "lr" : AttributeExpressions.Named(optimizerAttribute, "StepSize", "lr");
        if (optimizer is not null && settable.All(h => h.Name != stepSize))
            reader.Report(ExperimentDiagnostics.NotAHyperparameter, AttributeExpressions.NamedArgumentLocation(optimizerAttribute!, "StepSize", cancellation), stepSize,
                "Optimizer(StepSize)", ruleType!.Name, settable.Count == 0 ? "none" : string.Join(", ", settable.Select(h => h.Name)));
        var (fixedValues, sweeps) = HyperparameterMembers.Read(type, optimizer is null ? null : ruleType, settable, stepSize, compilation, diagnostics, cancellation);

        if (mlp is not null) reader.CheckAgainstMlp(mlp, track, initialOnClass, quick, dataAttributes.FirstOrDefault());
        else if (quick is not null && AttributeExpressions.Named(quick, "Neurons", 0) != 0)
            reader.Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(quick, "Neurons", cancellation),
                "[Quick(Neurons = ...)] needs an [Mlp] network; a [Network] method builds its own network");
        if (track is not null) reader.CheckTrack(track);
        int sweepPoints = sweeps.Aggregate(1, (product, sweep) => product * Math.Max(1, sweep.Values.Count));
        string? landscape = LandscapeReader.Read(reader.One, train, quick, sweepPoints,
            (descriptor, at, arguments) => reader.Report(descriptor, at, arguments), cancellation);

        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || network is null || data is null || optimizer is null || train is null)
            return new ExperimentResult(null, name, site, diagnostics.ToEquatableArray());

        string? ruleText = OptimizerReader.RuleText(ruleType!);
        // A rule with errors gets no optimizer class, so code using it would not compile; its own errors say why.
        if (ruleText is not null && RuleCompiler.Analyze(ruleText, new RuleContext(all.ToEquatableArray())).HasErrors)
            return new ExperimentResult(null, name, site, diagnostics.ToEquatableArray());
        EquatableArray<VerdictModel>? verdicts = ruleText is null ? (EquatableArray<VerdictModel>?)null : OptimizerReader.Verdicts(ruleText, all, fixedValues, sweeps);
        if (verdicts is { } found && found.FirstOrDefault(v => !(v.Equivariant && v.Lipschitz)) is { } notApplying)
        {
            // Where it applies at some swept values, name the first values where it does not (lr = 0.01, eps = 0).
            bool somewhere = found.Any(v => v.Equivariant && v.Lipschitz) && notApplying.Key is not ("*" or "");
            var at = somewhere
                ? " at " + string.Join(", ", sweeps.Where(s => !s.TimesEtaStar).Zip(notApplying.Key.Split(';'), (axis, value) => $"{axis.Name} = {value}"))
                : "";
            reader.Report(ExperimentDiagnostics.TheoremDoesNotApply, AttributeExpressions.LocationOf(optimizerAttribute!, cancellation),
                $"`{ruleType!.Name}`{at}", string.Join("; ", notApplying.Reasons));
        }

        var optimizerModel = optimizer with
        {
            Setters = settable.Select(h => new Setter(h.Name, OptimizerReader.Cast(h.Type))).ToEquatableArray(),
            Defaults = settable.Where(h => h.DefaultValue is not null).Select(h => new NamedValue(h.Name, h.DefaultValue!.Value)).ToEquatableArray(),
            StepSize = stepSize,
            Verdicts = verdicts,
        };
        // The runs' fingerprint: the landscape analyses' attributes are left out, as the runs do not depend on their
        // settings (each analysis checks its own); what the runs save for them is in the runtime fingerprint.
        var analysisSpans = LandscapeReader.AttributeSpans(reader.One, cancellation);
        string declarationText = string.Join(" ", declaration.DescendantTokens().Where(t => !analysisSpans.Any(span => span.Contains(t.Span))).Select(t => t.Text))
            + "\nrule " + (ruleText ?? ruleType!.ToDisplayString());
        var model = new ExperimentModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null, declaration.Identifier.Text,
            Reading.RuleReader.AccessibilityOf(type), name, AttributeExpressions.Named(experiment, "Description", ""),
            network, data, initialNeurons, optimizerModel, fixedValues.ToEquatableArray(), sweeps.ToEquatableArray(),
            AttributeExpressions.Creation(train), track is null ? null : AttributeExpressions.Creation(track),
            quick is null ? null : AttributeExpressions.Creation(quick), landscape, declarationText);
        return new ExperimentResult(model, name, site, diagnostics.ToEquatableArray());
    }

    private static bool DerivesFrom(ITypeSymbol type, string baseName)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (current.ToDisplayString() == baseName) return true;
        return false;
    }

    /// <summary>The reading state of one class: where to report, and the checks that need several attributes.</summary>
    private sealed class Context(INamedTypeSymbol type, TypeDeclarationSyntax declaration, List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
    {
        private Location ClassName => declaration.Identifier.GetLocation();

        public void Report(Dsl.DiagnosticDescriptor descriptor, Location at, params object[] arguments) =>
            diagnostics.Add(DiagnosticInfo.Create(descriptor, at, arguments));

        public void Missing(string part, string how) => Report(ExperimentDiagnostics.MissingPart, ClassName, type.Name, part, how);

        public void CheckTarget()
        {
            string? problem = declaration is not ClassDeclarationSyntax ? "not a class"
                : type.ContainingType is not null ? "nested in another type"
                : type.Arity > 0 ? "a generic class"
                : type.IsFileLocal ? "a file-local class"
                : !declaration.Modifiers.Any(SyntaxKind.PartialKeyword) ? "not partial" : null;
            if (problem is not null) Report(ExperimentDiagnostics.BadTarget, ClassName, type.Name, problem);
        }

        /// <summary>The members the generated code declares (Definition, Run, the TopoDsl* helpers) must not be declared by the class too.</summary>
        public void CheckGeneratedMembers()
        {
            const string Generated = "Definition, Run(string, bool, int?, int, IRunObserver?, CancellationToken), TopoDslCreateOptimizer, TopoDslVerdict, TopoDslRegister";
            if (type.Name is "Definition" or "Run")
                Report(ExperimentDiagnostics.GeneratedMember, ClassName, type.Name, Generated + "; a member cannot be named after its class");
            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member.Locations.FirstOrDefault(l => l.IsInSource) is not { } at) continue;
                bool clashes = member.Name switch
                {
                    "Definition" or "TopoDslCreateOptimizer" or "TopoDslVerdict" or "TopoDslRegister" => true,
                    "Run" => member is not IMethodSymbol run
                        || run.Parameters.Select(p => p.Type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString()).SequenceEqual(RunParameters),
                    _ => false,
                };
                if (clashes) Report(ExperimentDiagnostics.GeneratedMember, at, member.Name, Generated);
            }
        }

        private static readonly string[] RunParameters =
            ["string", "bool", "int?", "int", "TopoDsl.Experiments.Running.IRunObserver", "System.Threading.CancellationToken"];

        public AttributeData? One(string attribute) =>
            type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == Prefix + attribute);

        /// <summary>The methods marked with <paramref name="attribute"/>, each with that marker (a method may carry others).</summary>
        public List<(IMethodSymbol Method, AttributeData Marker)> Methods(string attribute) =>
            type.GetMembers().OfType<IMethodSymbol>()
                .Select(m => (Method: m, Marker: m.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == Prefix + attribute)))
                .Where(m => m.Marker is not null).Select(m => (m.Method, m.Marker!)).ToList();

        /// <summary>Exactly one of the attributes or marked methods (at most one when <paramref name="howToAdd"/> is null).</summary>
        public Part? Choose(string part, IReadOnlyList<AttributeData?> attributes, List<(IMethodSymbol Method, AttributeData Marker)> methods, string? howToAdd,
            string signature, Func<IMethodSymbol, bool> fits)
        {
            // In the order written, so that a second declaration is reported where it is, whatever its kind.
            var givenAttributes = attributes.Where(a => a is not null).Select(a => a!)
                .OrderBy(a => a.ApplicationSyntaxReference?.Span.Start ?? 0).ToList();
            int count = givenAttributes.Count + methods.Count;
            if (count == 0)
            {
                if (howToAdd is not null) Missing(part, howToAdd);
                return null;
            }
            if (count > 1)
            {
                string found = string.Join(", ", givenAttributes.Select(a => $"[{a.AttributeClass!.Name.Replace("Attribute", "")}]").Concat(methods.Select(m => $"method {m.Method.Name}")));
                var at = methods.Count > 0 ? methods[methods.Count - 1].Method.Locations[0] : AttributeExpressions.LocationOf(givenAttributes[givenAttributes.Count - 1], cancellation);
                Report(ExperimentDiagnostics.PartTwice, at, type.Name, part, found);
                return null;
            }
            if (givenAttributes.Count == 1) return new Part(AttributeExpressions.Creation(givenAttributes[0]), null);
            var (method, marker) = methods[0];
            if (!method.IsStatic || method.IsGenericMethod || !fits(method))
            {
                string markerName = marker.AttributeClass!.Name.Replace("Attribute", "");
                Report(ExperimentDiagnostics.WrongSignature, method.Locations[0], method.Name, markerName,
                    method.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.AddMemberOptions(SymbolDisplayMemberOptions.IncludeModifiers)), signature);
                return null;
            }
            return new Part(AttributeExpressions.Creation(marker), method.Name);
        }

        public OptimizerModel? Optimizer(AttributeData attribute)
        {
            var argument = attribute.ConstructorArguments.FirstOrDefault();
            // No argument, or typeof of an unknown type: the compiler reports it.
            if (argument.Kind == TypedConstantKind.Error || argument.Value is ITypeSymbol { TypeKind: TypeKind.Error }) return null;
            if (argument.Value is not INamedTypeSymbol rule)
            {
                // null, an array or a pointer type: valid C#, so nothing else would say why the experiment got no code.
                Report(ExperimentDiagnostics.NotAnOptimizer, AttributeExpressions.ArgumentLocation(attribute, 0, cancellation),
                    argument.Value is ITypeSymbol type ? type.ToDisplayString() : "null",
                    argument.Value is null ? "it is no type" : "it is neither an [UpdateRule] class nor an IOptimizer");
                return null;
            }
            if (OptimizerReader.Problem(rule) is { } problem)
            {
                Report(ExperimentDiagnostics.NotAnOptimizer, AttributeExpressions.ArgumentLocation(attribute, 0, cancellation), rule.ToDisplayString(), problem);
                return null;
            }
            return new OptimizerModel(rule.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), rule.Name, EquatableArray<Setter>.Empty,
                EquatableArray<NamedValue>.Empty, "lr", null);
        }

        public void CheckTrain(AttributeData train)
        {
            int epochs = AttributeExpressions.Named(train, "Epochs", 0), steps = AttributeExpressions.Named(train, "Steps", 0);
            var at = AttributeExpressions.LocationOf(train, cancellation);
            if ((epochs > 0) == (steps > 0) || epochs < 0 || steps < 0)
                Report(ExperimentDiagnostics.BadSetting, at, "[Train] needs either Epochs or Steps, positive, and not both");
            if (AttributeExpressions.Named(train, "BatchSize", 0) < 0)
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(train, "BatchSize", cancellation), "[Train(BatchSize)] must be 0 (full batch) or positive");
            if (AttributeExpressions.Named(train, "Seeds", 1) < 1)
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(train, "Seeds", cancellation), "[Train(Seeds)] must be 1 or more");
            if (AttributeExpressions.Named(train, "FirstSeed", 0) < 0)
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(train, "FirstSeed", cancellation), "[Train(FirstSeed)] must be 0 or more");
        }

        public void CheckTrack(AttributeData track)
        {
            var layers = AttributeExpressions.NamedInts(track, "Layers", [0]);
            if (layers.Length == 0 || layers.Distinct().Count() != layers.Length)
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(track, "Layers", cancellation), "[Track(Layers)] must list at least one hidden layer, each once");
            foreach (var (setting, least) in new[] { ("Checkpoints", 1), ("PersistenceEvery", 0), ("SharpnessEvery", 0), ("SharpnessSamples", 0), ("MaxPoints", 3), ("AllPairsUpTo", 2), ("SampledPairs", 0), ("NearestNeighbours", 0) })
                if (AttributeExpressions.Named(track, setting, least) < least)
                    Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(track, setting, cancellation), $"[Track({setting})] must be {least} or more");
            int dimension = AttributeExpressions.Named(track, "MaxDimension", 2);
            if (dimension is < 0 or > 3)
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(track, "MaxDimension", cancellation), "[Track(MaxDimension)] must be 0 to 3");
            foreach (string fraction in new[] { "ScaleFraction", "PersistentFraction", "MergeTolerance" })
                if (!(AttributeExpressions.Named(track, fraction, 0.5) > 0))
                    Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(track, fraction, cancellation), $"[Track({fraction})] must be positive");
        }

        /// <summary>With an [Mlp], the layer indices, the initial shape's coordinates and the data's widths can be checked now.</summary>
        public void CheckAgainstMlp(AttributeData mlp, AttributeData? track, AttributeData? initial, AttributeData? quick, AttributeData? data)
        {
            var widths = AttributeExpressions.ParamsValues(mlp).Select(v => v.Value is int i ? i : 0).ToArray();
            bool bias = AttributeExpressions.Named(mlp, "Bias", false);
            string network = $"[Mlp({string.Join(", ", widths)})]";
            if (widths.Length < 2 || widths.Any(w => w < 1))
            {
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.LocationOf(mlp, cancellation), $"{network} needs an input and an output width, and every width positive");
                return;
            }
            int hidden = widths.Length - 2;
            string has = hidden == 0 ? "no hidden layer" : hidden == 1 ? "one hidden layer (0)" : $"{hidden} hidden layers (0..{hidden - 1})";
            if (track is not null)
                foreach (int layer in AttributeExpressions.NamedInts(track, "Layers", [0]).Where(l => l < 0 || l >= hidden))
                    Report(ExperimentDiagnostics.NoSuchLayer, AttributeExpressions.NamedArgumentLocation(track, "Layers", cancellation), layer, network, has);
            if (track is null && hidden == 0)
                Report(ExperimentDiagnostics.NoSuchLayer, AttributeExpressions.LocationOf(mlp, cancellation), 0, network, has);
            if (initial is { ConstructorArguments.Length: 1 } && initial.ConstructorArguments[0].Value is int shape)
            {
                int layer = AttributeExpressions.Named(initial, "Layer", 0);
                if (layer < 0 || layer >= hidden)
                    Report(ExperimentDiagnostics.NoSuchLayer, AttributeExpressions.LocationOf(initial, cancellation), layer, network, has);
                else
                {
                    int coordinates = widths[layer] + (bias ? 1 : 0) + widths[layer + 2];
                    // By the member's name, not its value, so that the table follows the enum if its members move.
                    string shapeName = initial.ConstructorArguments[0].Type?.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, shape))?.Name ?? "";
                    var (needed, fits) = shapeName switch
                    {
                        "FigureEight" or "TwoCircles" => ("2", coordinates == 2),
                        "SolidDoubleTorus" => ("3", coordinates == 3),
                        "EmbeddedSphere" => ("at least 3", coordinates >= 3),
                        _ => ("", true), // not a shape: reported above
                    };
                    if (!fits) Report(ExperimentDiagnostics.ShapeDoesNotFit, AttributeExpressions.LocationOf(initial, cancellation), shapeName, needed, layer, network, coordinates);
                }
            }
            if (quick is not null && AttributeExpressions.Named(quick, "Neurons", 0) < 0)
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(quick, "Neurons", cancellation), "[Quick(Neurons)] must be positive");
            if (data?.AttributeClass?.Name == "TeacherStudentDataAttribute" && data.ConstructorArguments.FirstOrDefault().Value is int inputs)
            {
                if (inputs is not (1 or 2))
                    Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.ArgumentLocation(data, 0, cancellation), $"[TeacherStudentData] has 1 or 2 inputs, not {inputs}");
                else if (widths[0] != inputs || widths[widths.Length - 1] != 1)
                    Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.LocationOf(mlp, cancellation), $"{network} must start with {inputs} input(s) and end with 1 output for [TeacherStudentData({inputs})]");
            }
            if (data?.AttributeClass?.Name == "FashionMnistDataAttribute" && (widths[0] != 784 || widths[widths.Length - 1] != 10))
                Report(ExperimentDiagnostics.BadSetting, AttributeExpressions.LocationOf(mlp, cancellation), $"{network} must start with 784 inputs and end with 10 outputs for [FashionMnistData]");
        }
    }
}
