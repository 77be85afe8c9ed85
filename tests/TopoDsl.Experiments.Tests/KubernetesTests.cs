using FsCheck;
using FsCheck.Fluent;
using k8s.Models;
using TopoDsl.Experiments.Hosting;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// The manifests of <c>k8s NAME</c>: valid Jobs by Kubernetes' schema and the API server's rules, pod I runs shard I of N,
/// and the pods' own command lines, run as an Indexed Job would run them, collect to the files of one machine.
/// </summary>
public sealed class KubernetesTests
{
    private static KubernetesJob Sweep(string image = "registry.example.org/lab/sweeps:1.0", string program = "/app/TopologicalInvariance",
        string experiment = "CriticalPoint", string output = "/results/CriticalPoint-quick") =>
        new("topodsl-criticalpoint-quick", image, program, experiment, output, "shared-results", "/results", 6, 2, 4, "4Gi", Quick: true, Seeds: 3, RetriesPerShard: 3);

    [Fact]
    public void The_sweep_manifest_is_a_valid_Indexed_Job_whose_pod_I_runs_shard_I_of_N()
    {
        var job = KubernetesJobSchema.Read(Sweep().SweepManifest());

        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(6, job.Spec.Completions);
        Assert.Equal(2, job.Spec.Parallelism);
        Assert.Equal(3, job.Spec.BackoffLimitPerIndex);
        Assert.Equal("Failed", job.Spec.PodReplacementPolicy); // no second pod of an index while the first is terminating
        var pod = job.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        Assert.Equal("registry.example.org/lab/sweeps:1.0", container.Image);
        Assert.Equal(["/app/TopologicalInvariance"], container.Command);
        Assert.Equal(["run", "CriticalPoint", "--out", "/results/CriticalPoint-quick", "--shard", "auto", "--threads", "4", "--quick", "--seeds", "3"], container.Args);
        Assert.Equal("4", container.Resources.Requests["cpu"].ToString());
        Assert.Equal("4Gi", container.Resources.Limits["memory"].ToString());
        var mount = Assert.Single(container.VolumeMounts);
        Assert.Equal("/results", mount.MountPath);
        Assert.Equal("shared-results", pod.Volumes.Single(v => v.Name == mount.Name).PersistentVolumeClaim.ClaimName);

        // Kubernetes gives pod I JOB_COMPLETION_INDEX=I; the manifest gives every pod the completions.
        for (int index = 0; index < 6; index++)
        {
            var environment = PodEnvironment(container, index);
            var shard = Shard.FromEnvironment(name => environment.GetValueOrDefault(name), out string source);
            Assert.Equal(new Shard(index, 6), shard);
            Assert.Contains("Kubernetes completion index", source);
        }
    }

    [Fact]
    public void The_collect_manifest_is_a_valid_Job_of_one_pod_that_collects_the_same_folder_on_the_same_claim()
    {
        var job = KubernetesJobSchema.Read(Sweep().CollectManifest());

        Assert.Equal("topodsl-criticalpoint-quick-collect", job.Metadata.Name);
        Assert.Null(job.Spec.CompletionMode);
        Assert.Equal(1, job.Spec.Completions);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal(["collect", "/results/CriticalPoint-quick", "--threads", "4"], container.Args);
        Assert.Equal("shared-results", Assert.Single(job.Spec.Template.Spec.Volumes).PersistentVolumeClaim.ClaimName);
    }

    [Fact]
    public void The_schema_check_refuses_what_the_API_server_refuses()
    {
        string valid = Sweep().SweepManifest();
        KubernetesJobSchema.Read(valid);

        foreach (var (from, to) in new[]
        {
            ("  completionMode: Indexed\n", "  completionMod: Indexed\n"),                  // a field the schema does not have
            ("  completions: 6\n", "  completions: six\n"),                                  // a value of the wrong type
            ("  completions: 6\n", ""),                                                      // Indexed without completions
            ("      restartPolicy: Never\n", "      restartPolicy: Always\n"),               // not allowed in a Job
            ("            claimName: \"shared-results\"\n", "            claimName: \"\"\n"),
            ("            - name: results\n", "            - name: outputs\n"),             // a mount that names no volume
            ("          image: \"registry.example.org/lab/sweeps:1.0\"\n", ""),
        })
        {
            Assert.Contains(from, valid);
            Assert.ThrowsAny<Exception>(() => KubernetesJobSchema.Read(valid.Replace(from, to, StringComparison.Ordinal)));
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Any_image_program_experiment_and_folder_reach_the_pod_as_given()
    {
        var text = ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get).Where(IsWellFormed);
        var images = text.Where(s => !s.Any(char.IsWhiteSpace));   // as k8s NAME --image allows
        return Prop.ForAll(Gen.Zip(images, Gen.Three(text)).Select(w => (w.Item1, w.Item2.Item1, w.Item2.Item2, w.Item2.Item3)).ToArbitrary(), words =>
        {
            var (image, program, experiment, output) = words;
            var job = KubernetesJobSchema.Read(Sweep(image, "/" + program, experiment, "/results/" + output).SweepManifest());
            var container = job.Spec.Template.Spec.Containers.Single();
            return container.Image == image && container.Command.Single() == "/" + program && container.Args[1] == experiment
                && container.Args[3] == "/results/" + output && job.Metadata.Annotations["topodsl/experiment"] == experiment;
        });
    }

    [Fact]
    public void The_k8s_command_writes_the_manifests_and_refuses_bad_options_by_name_with_exit_code_2()
    {
        int cells = ExampleProgram.Run("run", "CriticalPoint", "--quick", "--cells").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var job = KubernetesJobSchema.Read(ExampleProgram.Run("k8s", "CriticalPoint", "--quick", "--image", "lab/sweeps:2", "--claim", "shared"));
        Assert.Equal(cells, job.Spec.Completions);
        Assert.Equal("topodsl-criticalpoint-quick", job.Metadata.Name);
        Assert.Equal(["/app/TopologicalInvariance"], job.Spec.Template.Spec.Containers.Single().Command);
        Assert.Equal("/results/CriticalPoint-quick", job.Spec.Template.Spec.Containers.Single().Args[3]);

        foreach (var (arguments, named) in new (string[], string)[]
        {
            (["--claim", "shared"], "--image"),
            (["--image", "lab/sweeps:2"], "--claim"),
            (["--image", "lab/sweeps:2", "--claim", "Shared_Results"], "--claim"),
            (["--image", "lab/sweeps:2", "--claim", "shared", "--memory", "4 GB"], "--memory"),
            (["--image", "lab/sweeps:2", "--claim", "shared", "--out", "/tmp/elsewhere"], "--out"),
            (["--image", "lab/sweeps:2", "--claim", "shared", "--name", "Sweep_1"], "--name"),
            // 62 characters is a DNS label, but the name of pod 5, NAME-5, is not.
            (["--image", "lab/sweeps:2", "--claim", "shared", "--name", new string('a', 62), "--shards", "6"], "--name"),
            (["--image", "lab/sweeps:2", "--claim", "shared", "--shards", "0"], "--shards"),
            (["--image", "lab/sweeps:2", "--claim", "shared", "--mount", "results"], "--mount"),
        })
        {
            var (code, stdout, stderr) = ExampleProgram.Start(null, ["k8s", "CriticalPoint", "--quick", .. arguments]);
            Assert.True(code == 2, $"{string.Join(' ', arguments)}: exit {code}; {stderr}");
            Assert.Contains(named, stderr);
            Assert.DoesNotContain("   at ", stderr);
            Assert.Equal("", stdout);
        }
    }

    [Fact]
    public void The_pods_command_lines_run_as_an_Indexed_Job_runs_them_collect_to_the_files_of_one_machine()
    {
        using var folder = new TempFolder();
        string one = Path.Combine(folder.Path, "one"), volume = Path.Combine(folder.Path, "volume");
        ExampleProgram.Run("run", "CriticalPoint", "--quick", "--out", one);

        var common = new[] { "CriticalPoint", "--quick", "--image", "lab/sweeps:2", "--claim", "shared", "--shards", "3", "--mount", "/data" };
        var sweep = KubernetesJobSchema.Read(ExampleProgram.Run(["k8s", .. common]));
        var collect = KubernetesJobSchema.Read(ExampleProgram.Run(["k8s", .. common, "--collect"]));

        // Each pod as Kubernetes starts it: the container's arguments and environment, JOB_COMPLETION_INDEX, and the claim at its mount path.
        var container = sweep.Spec.Template.Spec.Containers.Single();
        for (int index = 0; index < sweep.Spec.Completions; index++)
            ExampleProgram.RunWith(PodEnvironment(container, index), OnVolume(container, volume));
        var collector = collect.Spec.Template.Spec.Containers.Single();
        ExampleProgram.Run(OnVolume(collector, volume));

        Assert.Equal(3, Directory.GetFiles(Path.Combine(volume, "CriticalPoint-quick", "shards"), "*-of-3.json").Length);
        ExampleProgram.AssertSameFiles(one, Path.Combine(volume, "CriticalPoint-quick"), except: ["shards"]);
    }

    private static Dictionary<string, string> PodEnvironment(V1Container container, int index)
    {
        var environment = (container.Env ?? []).ToDictionary(v => v.Name, v => v.Value);
        environment["JOB_COMPLETION_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return environment;
    }

    // The container's arguments with the volume's mount path standing for a local folder.
    private static string[] OnVolume(V1Container container, string volume)
    {
        string mountPath = container.VolumeMounts.Single().MountPath;
        return container.Args.Select(a => a == mountPath || a.StartsWith(mountPath + "/", StringComparison.Ordinal) ? volume + a[mountPath.Length..] : a).ToArray();
    }

    // Text a manifest can carry: no lone surrogates and no NUL (which a Kubernetes string cannot hold). Also no "<<":
    // the client's YAML reader takes even a quoted "<<" for a merge key, which YAML and the API server do not.
    private static bool IsWellFormed(string text) =>
        !text.Contains('\0') && !text.Contains("<<", StringComparison.Ordinal)
        && System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) == text;
}
