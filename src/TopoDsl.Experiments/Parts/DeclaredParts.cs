using TopoDsl.Experiments.Certificate;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Topology;
using TopoDsl.Landscape.Homotopy;
using TopoDsl.Landscape.Paths;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Parts;

/// <summary>
/// Turns an experiment's attributes into its runtime parts. The generated code creates each attribute again with the
/// arguments the user wrote and hands it here, so every default lives in one place: the attribute class.
/// </summary>
public static class DeclaredParts
{
    /// <summary>The network of [Mlp(...)].</summary>
    public static NetworkChoice Network(MlpAttribute mlp) => Networks.Mlp(mlp.Widths, mlp.Activation, mlp.Bias);

    /// <summary>The network of a [Network] method.</summary>
    public static NetworkChoice Network(NetworkAttribute marker, string method, Func<ulong, Module> create) =>
        Networks.FromMethod(marker.Description.Length > 0 ? marker.Description : $"{method}(seed)", create);

    /// <summary>The data of [TeacherStudentData].</summary>
    public static Func<ulong, ExperimentData> Data(TeacherStudentDataAttribute data) =>
        DataSources.TeacherStudent(data.Inputs, data.Samples, data.TrainFraction, data.TeacherWidth);

    /// <summary>The data of [FashionMnistData].</summary>
    public static Func<ulong, ExperimentData> Data(FashionMnistDataAttribute data) => DataSources.FashionMnist(data.Folder, data.TrainSamples, data.TestSamples);

    /// <summary>The data of [CsvData].</summary>
    public static Func<ulong, ExperimentData> Data(CsvDataAttribute data) => DataSources.Csv(data.Path, data.ClassLabels, data.TrainFraction);

    /// <summary>The data of a [Data] method.</summary>
    public static Func<ulong, ExperimentData> Data(DataAttribute marker, string method, Func<ulong, ExperimentData> create) => create;

    /// <summary>The shape of [InitialNeurons(NeuronShape.X)] on the class.</summary>
    public static NeuronInitialisation Initialisation(InitialNeuronsAttribute initial) =>
        Initialisations.Shape(initial.Shape ?? throw new ArgumentException("[InitialNeurons] on the class needs a shape"), initial.Layer);

    /// <summary>The cloud of an [InitialNeurons] method.</summary>
    public static NeuronInitialisation Initialisation(InitialNeuronsAttribute marker, string method, Func<int, int, ulong, Tensor> create) =>
        Initialisations.FromMethod($"{method}(neurons, dimension, seed)", create, marker.Layer);

    /// <summary>The schedule of [Train].</summary>
    public static Schedule Schedule(TrainAttribute train) => new()
    {
        Epochs = train.Epochs,
        Steps = train.Steps > 0 ? train.Steps : null,
        BatchSize = train.BatchSize,
        Seeds = Enumerable.Range(0, train.Seeds).Select(k => (ulong)(train.FirstSeed + k)).ToList(),
        SharedInitialisation = train.SharedInitialisation,
    };

    /// <summary>The loss-landscape analyses of [LossSlice], [MinimaBarcode], [HomotopyClasses] and [GeneralisationFit] (each null when absent).</summary>
    public static LandscapeAnalyses Landscape(LossSliceAttribute? slice, MinimaBarcodeAttribute? minima, HomotopyClassesAttribute? homotopy, GeneralisationFitAttribute? fit) => new()
    {
        Slice = slice is null ? null : new SliceAnalysis(slice.Resolution, slice.Span, slice.Samples),
        Minima = minima is null ? null : new MinimaAnalysis(minima.Samples, new AutoNebOptions
        {
            Cycles =
            [
                .. Enumerable.Repeat(new AutoNebCycle(minima.Steps, minima.LearningRate), minima.Cycles),
                .. Enumerable.Repeat(new AutoNebCycle(minima.Steps, minima.FineLearningRate), minima.FineCycles),
            ],
        }, minima.MaxPairs > 0 ? minima.MaxPairs : null),
        Homotopy = homotopy is null ? null
            : new HomotopyAnalysis(homotopy.Every, homotopy.Tolerance, new HomotopyOptions { PathSamples = homotopy.PathSamples, BlendSteps = homotopy.BlendSteps }, homotopy.Samples, homotopy.From),
        Fit = fit is null ? null : new FitAnalysis(fit.Confidence),
    };

    /// <summary>The tracking of [Track], or the defaults without it.</summary>
    public static Tracking Tracking(TrackAttribute? track)
    {
        track ??= new TrackAttribute();
        return new Tracking
        {
            Layers = track.Layers.ToArray(),
            Checkpoints = track.Checkpoints,
            PersistenceEvery = track.PersistenceEvery,
            SharpnessEvery = track.SharpnessEvery,
            SharpnessSamples = track.SharpnessSamples,
            TrainLossAtCheckpoints = track.TrainLossAtCheckpoints,
            Topology = new TopologyOptions
            {
                MaxDimension = track.MaxDimension,
                Coordinates = track.Coordinates,
                ScaleFraction = track.ScaleFraction,
                FixedScale = double.IsNaN(track.FixedScale) ? null : track.FixedScale,
                PersistentFraction = track.PersistentFraction,
                TruncationFraction = track.TruncationFraction,
                MaxPoints = track.MaxPoints,
            },
            Certificate = new CertificateOptions
            {
                AllPairsUpTo = track.AllPairsUpTo, SampledPairs = track.SampledPairs, NearestNeighbours = track.NearestNeighbours, MergeTolerance = track.MergeTolerance,
            },
        };
    }

    /// <summary>What --quick changes, from [Quick] (nothing without it); Neurons resizes an [Mlp] network's hidden layers.</summary>
    public static QuickSettings Quick(QuickAttribute? quick, MlpAttribute? mlp) => quick is null ? new QuickSettings() : new QuickSettings
    {
        Network = quick.Neurons > 0 && mlp is not null ? Networks.Mlp(mlp.Widths, mlp.Activation, mlp.Bias, quick.Neurons) : null,
        Epochs = quick.Epochs > 0 ? quick.Epochs : null,
        Steps = quick.Steps > 0 ? quick.Steps : null,
        Seeds = quick.Seeds > 0 ? quick.Seeds : null,
    };
}
