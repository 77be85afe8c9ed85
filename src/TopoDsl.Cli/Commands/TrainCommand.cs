using System.CommandLine;
using System.Globalization;
using TopoDsl.Training.Data;
using TopoDsl.Training.LinearAlgebra;
using TopoDsl.Training.Loop;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.SecondOrder;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Cli.Commands;

/// <summary>
/// <c>topo train</c>: trains a one-hidden-layer network of Yang et al. with SGD on the teacher-student data or
/// Fashion-MNIST, with a progress bar, per-epoch losses, and the sharpness K (eta* = 1/K) before and after.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "teacher-2d, teacher-3d or fashion-mnist", DefaultValueFactory = _ => "teacher-2d" };
        var width = new Option<int>("--width") { Description = "hidden neurons", DefaultValueFactory = _ => 1024 };
        var activation = new Option<string>("--activation") { Description = "sigmoid, tanh, relu, softplus or gelu", DefaultValueFactory = _ => "sigmoid" };
        var bias = new Option<bool>("--bias") { Description = "give the hidden layer a bias (the paper's networks have none)" };
        var lr = new Option<float>("--lr") { Description = "SGD learning rate", DefaultValueFactory = _ => 0.0025f };
        var epochs = new Option<int>("--epochs") { Description = "passes over the training set", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "minibatch size", DefaultValueFactory = _ => 128 };
        var seed = new Option<ulong>("--seed") { Description = "seed of data, initialisation and shuffling", DefaultValueFactory = _ => 0UL };
        var threads = new Option<int>("--threads") { Description = "GEMM threads", DefaultValueFactory = _ => 1 };
        var sharpness = new Option<bool>("--sharpness") { Description = "report the top Hessian eigenvalue K on a fixed batch before and after" };
        var data = new Option<string>("--data") { Description = "Fashion-MNIST folder", DefaultValueFactory = _ => FashionMnist.DefaultFolder };
        var save = new Option<string?>("--save") { Description = "write the trained weights to this file (atomically)" };
        var command = new Command("train", "train a one-hidden-layer network with SGD and report losses and sharpness")
        {
            task, width, activation, bias, lr, epochs, batch, seed, threads, sharpness, data, save,
        };
        command.SetAction(parse =>
        {
            var kind = Enum.TryParse<ActivationKind>(parse.GetValue(activation), ignoreCase: true, out var a) && a != ActivationKind.Identity
                ? a : throw new UsageException($"--activation: unknown activation '{parse.GetValue(activation)}'; use sigmoid, tanh, relu, softplus or gelu");
            int hidden = Positive(parse.GetValue(width), "--width");
            int batchSize = Positive(parse.GetValue(batch), "--batch");
            Gemm.Threads = Positive(parse.GetValue(threads), "--threads");
            float rate = parse.GetValue(lr);
            if (!(rate > 0) || !float.IsFinite(rate)) throw new UsageException("--lr: must be a positive number");
            int epochCount = parse.GetValue(epochs);
            if (epochCount < 0) throw new UsageException("--epochs: must be 0 or more");
            ulong s = parse.GetValue(seed);

            var (train, test) = Load(parse.GetValue(task)!, parse.GetValue(data)!, s);
            bool classify = train.IsClassification;
            var model = Mlp.Create([train.FeatureShape[0], hidden, classify ? train.ClassCount : train.Targets.Dim(1)], kind, parse.GetValue(bias), s);
            var parameters = ParameterSlots.For(model, HiddenLayerNeurons.Of(model));
            Tensor LossOf(Tensor inputs, Tensor targets, int[]? labels) => Loss.For(model.Forward(inputs), targets, labels);

            var fixedBatch = train.First(1024);
            Tensor FixedBatchLoss() => LossOf(fixedBatch.Inputs, fixedBatch.Targets, fixedBatch.Labels);
            if (parse.GetValue(sharpness)) ReportSharpness("before", FixedBatchLoss, model, rate);

            var batches = new MiniBatches(train, batchSize, s);
            var trainer = new Trainer(model, new Sgd(rate), parameters);
            Console.WriteLine($"{model}: {model.ParameterCount:N0} parameters; {train.Count} training and {test.Count} test samples; SGD lr {F(rate)}, batch {batchSize}");
            double sum = 0;
            int count = 0;
            trainer.OnStep = step =>
            {
                sum += step.Loss;
                count++;
                if (step.BatchInEpoch + 1 < step.BatchesPerEpoch) return true;
                var testLoss = Evaluate(() => LossOf(test.Inputs, test.Targets, test.Labels));
                Console.WriteLine($"epoch {step.Epoch + 1,4}: train loss {F(sum / count)}  test loss {F(testLoss)}");
                (sum, count) = (0, 0);
                return true;
            };
            TrainingProgress.Run((long)epochCount * batches.BatchesPerEpoch, progress =>
            {
                trainer.Progress = progress;
                trainer.Run(batches, epochCount, b => LossOf(b.Inputs, b.Targets, b.Labels));
            });
            if (parse.GetValue(sharpness)) ReportSharpness("after", FixedBatchLoss, model, rate);
            if (parse.GetValue(save) is string path)
            {
                WeightsFile.Save(model, path);
                Console.WriteLine($"weights written to {path}");
            }
            return 0;
        });
        return command;
    }

    private static (Dataset Train, Dataset Test) Load(string task, string folder, ulong seed) => task switch
    {
        "teacher-2d" => Split(TeacherStudent.Generate2D(seed)),
        "teacher-3d" => Split(TeacherStudent.Generate3D(seed)),
        "fashion-mnist" => (FashionMnist.Load(folder, train: true, normalize: FashionMnist.TrainStatistics),
                            FashionMnist.Load(folder, train: false, normalize: FashionMnist.TrainStatistics)),
        _ => throw new UsageException($"--task: unknown task '{task}'; use teacher-2d, teacher-3d or fashion-mnist"),
    };

    private static (Dataset, Dataset) Split(TeacherStudentData d) => (d.Train, d.Test);

    private static double Evaluate(Func<Tensor> loss)
    {
        using var _ = TopoDsl.Training.Autodiff.GradMode.Disable();
        return loss().ToScalar();
    }

    private static void ReportSharpness(string when, Func<Tensor> loss, Module model, float rate)
    {
        var k = Sharpness.TopEigenvalue(loss, model.Parameters().ToList());
        string regime = rate < k.CriticalLearningRate ? "below eta* (topology kept)" : rate < k.EdgeOfStabilityLearningRate ? "between eta* and 2/K" : "above 2/K (GD unstable)";
        Console.WriteLine($"sharpness {when}: K = {F(k.TopEigenvalue)} ({k.Iterations} Lanczos steps{(k.Converged ? "" : ", not converged")}); " +
                          $"eta* = 1/K = {F(k.CriticalLearningRate)}, 2/K = {F(k.EdgeOfStabilityLearningRate)}; lr {F(rate)} is {regime}");
    }

    private static int Positive(int value, string option) => value > 0 ? value : throw new UsageException($"{option}: must be 1 or more");

    private static string F(double v) => v.ToString("G5", CultureInfo.InvariantCulture);
}
