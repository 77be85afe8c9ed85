using TopoDsl.Experiments.Definitions;
using TopoDsl.Training.Data;

namespace TopoDsl.Experiments.Parts;

/// <summary>The data sets an experiment can declare, as the generated code builds them.</summary>
public static class DataSources
{
    /// <summary>Yang et al.'s teacher-student data (<see cref="TeacherStudentDataAttribute"/>), drawn from the run's seed.</summary>
    public static Func<ulong, ExperimentData> TeacherStudent(int inputs, int samples, double trainFraction, int teacherWidth)
    {
        if (inputs is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "teacher-student data have 1 or 2 inputs");
        var options = new TeacherStudentOptions { Samples = samples, TrainFraction = trainFraction, TeacherWidth = teacherWidth };
        string description = $"teacher-student, {inputs}-D inputs, {samples} samples ({trainFraction:0.##} trained on), teacher width {teacherWidth}";
        return seed =>
        {
            var data = inputs == 1 ? Training.Data.TeacherStudent.Generate2D(seed, options) : Training.Data.TeacherStudent.Generate3D(seed, options);
            return new ExperimentData(data.Train, data.Test, description) { TeacherStudent = options };
        };
    }

    /// <summary>Fashion-MNIST (<see cref="FashionMnistDataAttribute"/>); the same for every seed, read once.</summary>
    public static Func<ulong, ExperimentData> FashionMnist(string folder, int trainSamples, int testSamples)
    {
        ExperimentData? loaded = null;
        return _ => loaded ??= Load(folder, trainSamples, testSamples);
    }

    private static ExperimentData Load(string folder, int trainSamples, int testSamples)
    {
        var stats = Training.Data.FashionMnist.TrainStatistics;
        var train = Training.Data.FashionMnist.Load(folder, train: true, normalize: stats).First(trainSamples);
        var test = Training.Data.FashionMnist.Load(folder, train: false, normalize: stats).First(testSamples);
        return new ExperimentData(train, test, $"Fashion-MNIST, {train.Count} training and {test.Count} test images, normalised");
    }

    /// <summary>A CSV file (<see cref="CsvDataAttribute"/>), split by the run's seed.</summary>
    public static Func<ulong, ExperimentData> Csv(string path, bool classLabels, double trainFraction)
    {
        Dataset? all = null;
        return seed =>
        {
            all ??= Training.Data.Csv.Read(path, classLabels ? CsvOptions.LastColumnLabels : new CsvOptions());
            var (train, test) = all.Split(trainFraction, SeedStreams.Derive(seed, 1));
            return new ExperimentData(train, test, $"{Path.GetFileName(path)}, {train.Count} training and {test.Count} test rows");
        };
    }

}
