using CustomRules;
using TopoDsl.Training.Data;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Loop;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;

// Trains the paper's 2-D network (1 input, sigmoid hidden layer without bias, 1 output) on its teacher-student
// data with each rule, and prints what the build proved about the rule next to how well it trained.
var data = TeacherStudent.Generate2D(seed: 1);
Console.WriteLine($"{"rule",-22} {"equivariant",-12} {"Lipschitz",-10} {"test MSE",10}");
Report("TrustRatioSgd", new TrustRatioSgd(), TrustRatioSgd.Traits.Equivariant, TrustRatioSgd.Traits.Lipschitz);
Report("UnitStepSgd", new UnitStepSgd { lr = 0.002f }, UnitStepSgd.Traits.Equivariant, UnitStepSgd.Traits.Lipschitz);
Report("Adam (library)", new TopoDsl.Rules.Adam { lr = 0.01f }, TopoDsl.Rules.Adam.Traits.Equivariant, TopoDsl.Rules.Adam.Traits.Lipschitz);
foreach (var reason in UnitStepSgd.Traits.LipschitzReasons) Console.WriteLine($"UnitStepSgd is not Lipschitz: {reason}");

void Report(string name, IOptimizer optimizer, bool equivariant, bool lipschitz)
{
    var model = Mlp.Create([1, 64, 1], ActivationKind.Sigmoid, bias: false, seed: 2);
    var trainer = new Trainer(model, optimizer, ParameterSlots.For(model, HiddenLayerNeurons.Of(model)));
    trainer.Run(new MiniBatches(data.Train, batchSize: 128, seed: 3), epochs: 20,
        batch => Loss.MeanSquaredError(model.Forward(batch.Inputs), batch.Targets));
    double test = Loss.MeanSquaredError(model.Forward(data.Test.Inputs), data.Test.Targets).ToScalar();
    Console.WriteLine($"{name,-22} {equivariant,-12} {lipschitz,-10} {test,10:F5}");
}
