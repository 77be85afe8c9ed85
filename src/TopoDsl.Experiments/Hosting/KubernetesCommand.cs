using System.CommandLine;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Hosting;

/// <summary>
/// <c>k8s NAME</c>: the manifest of a Kubernetes Indexed Job whose pods run the shards of the sweep into a shared volume,
/// or with <c>--collect</c> the Job that merges them.
/// </summary>
internal static class KubernetesCommand
{
    public static Command Create(IReadOnlyList<ExperimentDefinition> experiments)
    {
        var sweep = new ShardedSweepOptions("pods");
        var image = new Option<string>("--image") { Description = "the container image that holds this program", Required = true };
        var claim = new Option<string>("--claim") { Description = "the PersistentVolumeClaim (ReadWriteMany) that every pod mounts for the results", Required = true };
        var program = new Option<string?>("--program") { Description = "this program's path in the image (default /app/ and its name, as dotnet publish -o /app puts it)" };
        var mount = new Option<string>("--mount") { Description = "where the claim is mounted in the pods", DefaultValueFactory = _ => "/results" };
        var output = new Option<string?>("--out") { Description = "the output folder in the pods, on the volume (default MOUNT/NAME, or MOUNT/NAME-quick)" };
        var cpus = new Option<int>("--cpus") { Description = "cores requested per pod, also each run's --threads", DefaultValueFactory = _ => 1 };
        var memory = new Option<string?>("--memory") { Description = "memory requested and limited per pod, e.g. 4Gi" };
        var retries = new Option<int>("--retries") { Description = "how often a failed shard's pod is started again, resuming from its checkpoints (backoffLimitPerIndex)", DefaultValueFactory = _ => 3 };
        var jobName = new Option<string?>("--name") { Description = "the Job's name (default topodsl-NAME, in lower case)" };
        var collect = new Option<bool>("--collect") { Description = "write instead the Job that collects the sweep once its Job is complete" };
        var manifest = new Option<string?>("--manifest") { Description = "write the manifest to this file (atomically) instead of standard output" };
        var command = new Command("k8s", "write a Kubernetes Indexed Job manifest that runs the sweep, one shard per pod, into a shared volume");
        sweep.AddTo(command);
        foreach (var option in new Option[] { image, claim, program, mount, output, cpus, memory, retries, jobName, collect, manifest }) command.Add(option);
        command.SetAction(parse =>
        {
            var (experiment, cells, pods, atOnce, seeds) = sweep.Resolve(parse, experiments);
            var definition = experiment.Definition;
            int cores = parse.GetValue(cpus);
            if (cores < 1) throw new ExperimentException($"--cpus {cores}: give 1 or more");
            int retryCount = parse.GetValue(retries);
            if (retryCount < 0) throw new ExperimentException($"--retries {retryCount}: give 0 or more");
            string? mem = parse.GetValue(memory);
            if (mem is not null && !KubernetesJob.IsQuantity(mem)) throw new ExperimentException($"--memory {mem}: give a Kubernetes quantity such as 4Gi, 512Mi or 2G");
            string imageName = parse.GetValue(image)!;
            if (imageName.Length == 0 || imageName.Any(char.IsWhiteSpace)) throw new ExperimentException($"--image '{imageName}': give an image reference without spaces");
            string claimName = parse.GetValue(claim)!;
            if (!KubernetesJob.IsDnsSubdomain(claimName))
                throw new ExperimentException($"--claim {claimName}: a claim's name is lower-case letters, digits, '-' and '.' (at most 253)");
            int longest = KubernetesJob.LongestName(pods);
            string job = parse.GetValue(jobName) ?? KubernetesJob.DefaultName(definition.Name, experiment.IsQuick, longest);
            if (!KubernetesJob.IsDnsLabel(job)) throw new ExperimentException($"--name {job}: a Job's name is lower-case letters, digits and '-' (at most 63), starting and ending with a letter or digit");
            if (job.Length > longest)
                throw new ExperimentException($"--name {job}: with {pods} shards its pods are named up to {job}-{pods - 1}, longer than Kubernetes' 63 characters; give a name of at most {longest}");
            string mountPath = InPodPath("--mount", parse.GetValue(mount)!);
            string folder = InPodPath("--out", parse.GetValue(output) ?? mountPath.TrimEnd('/') + "/" + ExperimentApp.DefaultFolderName(experiment));
            if (!IsUnder(folder, mountPath))
                throw new ExperimentException($"--out {folder}: put it under --mount {mountPath}, on the shared volume; a pod's own files are gone when it ends");
            string executable = InPodPath("--program", parse.GetValue(program) ?? "/app/" + Path.GetFileNameWithoutExtension(Environment.GetCommandLineArgs()[0]));

            var spec = new KubernetesJob(job, imageName, executable, definition.Name, folder, claimName, mountPath, pods, atOnce, cores, mem,
                experiment.IsQuick, seeds, retryCount);
            bool collecting = parse.GetValue(collect);
            string text = collecting ? spec.CollectManifest() : spec.SweepManifest();
            if (parse.GetValue(manifest) is not string file)
            {
                Console.Write(text);
                return 0;
            }
            Homology.IO.AtomicFile.WriteAllText(Path.GetFullPath(file), writer => writer.Write(text));
            Console.WriteLine(collecting
                ? $"manifest: {file} (Job {KubernetesJob.CollectName(job)}: collect {folder})"
                : $"manifest: {file} (Indexed Job {job}: {pods} pods over {cells} cells, {atOnce} at once)");
            Console.WriteLine($"start it with: kubectl apply -f {ShardCommandLine.Quote(file)}");
            return 0;
        });
        return command;
    }

    // A path inside the pods: absolute, and in a form the manifest and the program read the same way.
    private static string InPodPath(string option, string path)
    {
        if (!path.StartsWith('/') || path.Contains("/../", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal) || path.Any(char.IsControl))
            throw new ExperimentException($"{option} {path}: give an absolute path inside the pods (e.g. /results)");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static bool IsUnder(string path, string folder) =>
        folder == "/" || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);
}
