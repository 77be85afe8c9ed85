using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// One element pass: a Vector&lt;float&gt; loop when the pass allows it, then the scalar loop for the tail (or
/// for everything). Each entry's p, g and states are loaded into variables, the steps run in rule order on
/// them, and written state and p are stored back.
/// </summary>
internal sealed class PassWriter(CodeWriter writer, RuleModel model)
{
    public void Write(ElementPass pass)
    {
        var nodes = pass.Steps.SelectMany(PlanQueries.Expressions).SelectMany(Tree.PreOrder).ToList();
        var states = model.States.Where(s => nodes.OfType<BoundState>().Any(n => n.Slot == s.Slot) || pass.Steps.OfType<AssignStateStep>().Any(a => a.Slot == s.Slot)).ToList();
        bool parameter = pass.Steps.OfType<UpdateParameterStep>().Any() || PlanQueries.Reads(nodes, Builtin.Parameter);
        bool gradient = PlanQueries.Reads(nodes, Builtin.Gradient);
        var reductions = pass.Steps.OfType<AccumulateStep>().Select(a => model.Plan.Reductions[a.Reduction]).ToList();
        bool neuron = reductions.Any(r => r.PerNeuron) || nodes.OfType<ReductionRef>().Any(r => r.PerNeuron);

        writer.Line($"// pass {pass.Id}");
        foreach (var reduction in reductions) ReductionWriter.Declare(writer, reduction);
        writer.Block();
        var body = new Loads(parameter, gradient, states.Select(s => s.Name).ToList());
        writer.Line(PlanQueries.IsSplittable(model) ? "int i = start;" : "int i = 0;");
        if (pass.Vectorizable) WriteVectorLoop(pass, body);
        writer.Open("for (; i < count; i++)");
        if (neuron) writer.Line("int nrn = (i / inner) % groups;");
        WriteScalarBody(pass, body);
        writer.Close();
        writer.Close();
        foreach (var reduction in reductions) ReductionWriter.Finish(writer, reduction, "count");
    }

    private sealed record Loads(bool Parameter, bool Gradient, List<string> States);

    private void WriteScalarBody(ElementPass pass, Loads loads)
    {
        if (loads.Parameter) writer.Line($"float {Names.Parameter} = {Names.ParameterSpan}[i];");
        if (loads.Gradient) writer.Line($"float {Names.Gradient} = {Names.GradientSpan}[i];");
        foreach (var state in loads.States) writer.Line($"float {Names.Dsl(state)} = {Names.StateArray(state)}[i];");
        int draws = 0;
        foreach (var step in pass.Steps)
        {
            var noise = NoiseWriter.DrawBefore(writer, PlanQueries.Expressions(step), ref draws);
            var expressions = ExpressionWriter.Scalar(noise);
            switch (step)
            {
                case DefineLocalStep local:
                    writer.Line($"float {Names.Dsl(local.Name)} = {expressions.Write(local.Value)};");
                    if (local.Buffer is { } buffer) writer.Line($"{Names.Buffer(buffer)}[i] = {Names.Dsl(local.Name)};");
                    break;
                case AssignStateStep state:
                    Assign(Names.Dsl(state.Name), expressions.Write(state.Value));
                    break;
                case UpdateParameterStep update:
                    Assign(Names.Parameter, expressions.Write(update.Value));
                    break;
                case AccumulateStep accumulate:
                    ReductionWriter.Accumulate(writer, model.Plan.Reductions[accumulate.Reduction], expressions.Write(accumulate.Operand));
                    break;
                case StoreStep store:
                    writer.Line($"{Names.Buffer(store.Buffer)}[i] = {expressions.Write(store.Value)};");
                    break;
            }
        }
        foreach (var state in WrittenStates(pass)) writer.Line($"{Names.StateArray(state)}[i] = {Names.Dsl(state)};");
        if (pass.Steps.OfType<UpdateParameterStep>().Any()) writer.Line($"{Names.ParameterSpan}[i] = {Names.Parameter};");
    }

    /// <summary>`p = p` and `m = m` leave the value as it is: no line, so the generated file has no CS1717 warning.</summary>
    private void Assign(string target, string value)
    {
        if (value != target) writer.Line($"{target} = {value};");
    }

    private void WriteVectorLoop(ElementPass pass, Loads loads)
    {
        var broadcasts = Broadcasts(pass);
        var expressions = ExpressionWriter.Vector(broadcasts);
        writer.Open($"if ({Names.VectorStatics}.IsHardwareAccelerated)");
        foreach (var pair in broadcasts) writer.Line($"var {pair.Value} = new {Names.Vector}({pair.Key});");
        writer.Open($"for (; i <= count - {Names.Vector}.Count; i += {Names.Vector}.Count)");
        if (loads.Parameter) writer.Line($"var {Names.Parameter} = new {Names.Vector}({Names.ParameterSpan}.Slice(i));");
        if (loads.Gradient) writer.Line($"var {Names.Gradient} = new {Names.Vector}({Names.GradientSpan}.Slice(i));");
        foreach (var state in loads.States) writer.Line($"var {Names.Dsl(state)} = new {Names.Vector}({Names.StateArray(state)}, i);");
        foreach (var step in pass.Steps)
        {
            switch (step)
            {
                case DefineLocalStep local:
                    writer.Line($"var {Names.Dsl(local.Name)} = {expressions.Write(local.Value)};");
                    if (local.Buffer is { } buffer) writer.Line($"{Names.Dsl(local.Name)}.CopyTo({Names.Buffer(buffer)}, i);");
                    break;
                case AssignStateStep state:
                    Assign(Names.Dsl(state.Name), expressions.Write(state.Value));
                    break;
                case UpdateParameterStep update:
                    Assign(Names.Parameter, expressions.Write(update.Value));
                    break;
                case StoreStep store:
                    writer.Line($"{expressions.Write(store.Value)}.CopyTo({Names.Buffer(store.Buffer)}, i);");
                    break;
            }
        }
        foreach (var state in WrittenStates(pass)) writer.Line($"{Names.Dsl(state)}.CopyTo({Names.StateArray(state)}, i);");
        if (pass.Steps.OfType<UpdateParameterStep>().Any()) writer.Line($"{Names.Parameter}.CopyTo({Names.ParameterSpan}.Slice(i));");
        writer.Close();
        writer.Close();
    }

    private static IEnumerable<string> WrittenStates(ElementPass pass) =>
        pass.Steps.OfType<AssignStateStep>().OrderBy(s => s.Slot).Select(s => s.Name).Distinct();

    /// <summary>The pass's scalar leaves, by their scalar C#, each broadcast once before the vector loop.</summary>
    private static Dictionary<string, string> Broadcasts(ElementPass pass)
    {
        var broadcasts = new Dictionary<string, string>(StringComparer.Ordinal);
        var scalar = ExpressionWriter.Scalar();
        void Visit(BoundExpr node)
        {
            if (ExpressionWriter.IsScalarLeaf(node))
            {
                string text = scalar.Write(node);
                if (!broadcasts.ContainsKey(text)) broadcasts.Add(text, "k" + broadcasts.Count);
                return;
            }
            if (node is BoundBinary { Operator: BinaryOperator.Power } power)
            {
                Visit(power.Left); // the exponent is spelled out as multiplications or a square root
                return;
            }
            foreach (var child in Tree.Children(node)) Visit(child);
        }
        foreach (var expression in pass.Steps.SelectMany(PlanQueries.Expressions)) Visit(expression);
        return broadcasts;
    }
}
