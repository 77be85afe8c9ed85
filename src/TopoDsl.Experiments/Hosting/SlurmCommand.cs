using System.CommandLine;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Hosting;

/// <summary><c>slurm NAME</c>: the sbatch script of a job array over the sweep's cells, and optionally its submission.</summary>
internal static class SlurmCommand
{
    public static Command Create(IReadOnlyList<ExperimentDefinition> experiments)
    {
        var sweep = new ShardedSweepOptions("array tasks");
        var output = new Option<string?>("--out") { Description = "the output folder every task shares (default results/NAME, or results/NAME-quick)" };
        var cpus = new Option<int>("--cpus-per-task") { Description = "cores per task, also each run's --threads", DefaultValueFactory = _ => 1 };
        var memory = new Option<string?>("--mem") { Description = "memory per task, e.g. 4G" };
        var time = new Option<string?>("--time") { Description = "time limit per task, e.g. 02:00:00" };
        var partition = new Option<string?>("--partition") { Description = "the Slurm partition" };
        var script = new Option<string?>("--script") { Description = "where to write the script (default OUT/slurm/NAME.sbatch)" };
        var submit = new Option<bool>("--submit") { Description = "run sbatch on the script" };
        var wait = new Option<bool>("--wait") { Description = "with --submit: wait until every task has ended (sbatch --wait)" };
        var command = new Command("slurm", "write an sbatch script that runs the sweep as a Slurm job array, one shard per task");
        sweep.AddTo(command);
        foreach (var option in new Option[] { output, cpus, memory, time, partition, script, submit, wait }) command.Add(option);
        command.SetAction(parse =>
        {
            var (experiment, cells, tasks, atOnce, seeds) = sweep.Resolve(parse, experiments);
            var definition = experiment.Definition;
            if (parse.GetValue(wait) && !parse.GetValue(submit)) throw new ExperimentException("--wait waits for the submitted job: give it with --submit");
            int cores = parse.GetValue(cpus);
            if (cores < 1) throw new ExperimentException($"--cpus-per-task {cores}: give 1 or more");
            if (parse.GetValue(memory) is string mem && !SlurmJob.IsMemory(mem))
                throw new ExperimentException($"--mem {mem}: give a size in megabytes, or with a suffix K, M, G or T (e.g. 4G)");
            if (parse.GetValue(time) is string limit && !SlurmJob.IsTimeLimit(limit))
                throw new ExperimentException($"--time {limit}: give minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. 02:00:00)");
            if (parse.GetValue(partition) is string part && !SlurmJob.IsPartition(part))
                throw new ExperimentException($"--partition {part}: give a partition name, or several separated by commas, without spaces");
            string folder = Path.GetFullPath(parse.GetValue(output) ?? ExperimentApp.DefaultOutput(experiment));
            var job = new SlurmJob(ExperimentApp.ThisProgram(), definition.Name, folder, tasks, atOnce, cores, experiment.IsQuick, seeds,
                parse.GetValue(memory), parse.GetValue(time), parse.GetValue(partition));
            string file = Path.GetFullPath(parse.GetValue(script) ?? Path.Combine(folder, "slurm", definition.Name + ".sbatch"));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            string text = job.Script();
            Directory.CreateDirectory(job.LogFolder);
            Homology.IO.AtomicFile.WriteAllText(file, writer => writer.Write(text));
            Console.WriteLine($"sbatch script: {file} ({tasks} tasks over {cells} cells, {atOnce} at once)");
            if (!parse.GetValue(submit))
            {
                Console.WriteLine($"submit it with: sbatch {ShardCommandLine.Quote(file)}; when it has ended: collect {ShardCommandLine.Quote(folder)}");
                return 0;
            }
            string sbatch = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, "sbatch")).FirstOrDefault(File.Exists)
                ?? throw new ExperimentException("--submit: sbatch not found on PATH; is this a Slurm login node?");
            var start = new System.Diagnostics.ProcessStartInfo(sbatch) { UseShellExecute = false };
            if (parse.GetValue(wait)) start.ArgumentList.Add("--wait");
            start.ArgumentList.Add(file);
            using var process = System.Diagnostics.Process.Start(start)!;
            process.WaitForExit();
            if (process.ExitCode != 0) throw new ExperimentException($"--submit: sbatch exited with {process.ExitCode}");
            Console.WriteLine($"when the job has ended: collect {ShardCommandLine.Quote(folder)}");
            return 0;
        });
        return command;
    }
}
