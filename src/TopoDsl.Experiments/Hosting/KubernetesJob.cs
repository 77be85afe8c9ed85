using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Hosting;

/// <summary>What <c>k8s NAME</c> puts in its Kubernetes manifests.</summary>
/// <param name="Name">The Job's name (a DNS label: lower-case letters, digits and '-', at most 63).</param>
/// <param name="Image">The container image that holds this program.</param>
/// <param name="Program">The program's path inside the image.</param>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Output">The --out folder inside the pods, on the shared volume.</param>
/// <param name="Claim">The PersistentVolumeClaim every pod mounts (ReadWriteMany, so that all pods and the collector share it).</param>
/// <param name="Mount">Where the claim is mounted in each pod.</param>
/// <param name="Shards">Completions: pods 0 to Shards - 1, one per shard.</param>
/// <param name="Parallel">At most this many pods at once (parallelism).</param>
/// <param name="Cpus">Cores requested per pod, also the run's --threads.</param>
/// <param name="Memory">Memory requested and limited per pod (a Kubernetes quantity, e.g. 4Gi), if given.</param>
/// <param name="Quick">--quick.</param>
/// <param name="Seeds">--seeds, if given.</param>
/// <param name="RetriesPerShard">backoffLimitPerIndex: how often a failed shard's pod is started again (it resumes from its checkpoints).</param>
public sealed partial record KubernetesJob(string Name, string Image, string Program, string Experiment, string Output, string Claim, string Mount,
    int Shards, int Parallel, int Cpus, string? Memory, bool Quick, int? Seeds, int RetriesPerShard)
{
    /// <summary>The volume's name inside the pod spec.</summary>
    public const string VolumeName = "results";

    /// <summary>The Indexed Job: pod I runs <c>run NAME --shard auto</c>, which reads JOB_COMPLETION_INDEX and TOPODSL_JOB_COMPLETIONS.</summary>
    public string SweepManifest()
    {
        var args = ShardCommandLine.Arguments(Experiment, Output, "auto", Quick, Seeds, Cpus);
        var yaml = new StringBuilder();
        yaml.Append("# Written by `k8s ").Append(Comment(Experiment)).Append("`: one pod per shard of the sweep. When the Job is complete, `k8s ")
            .Append(Comment(Experiment)).Append(" --collect` writes the Job that merges the shards.\n");
        Header(yaml, Name);
        yaml.Append("spec:\n");
        yaml.Append("  completionMode: Indexed\n");
        yaml.Append("  completions: ").Append(Number(Shards)).Append('\n');
        yaml.Append("  parallelism: ").Append(Number(Parallel)).Append('\n');
        yaml.Append("  backoffLimitPerIndex: ").Append(Number(RetriesPerShard)).Append('\n');
        // A replacement pod starts only once the one it replaces has failed, never while it is still terminating: two pods of
        // one index would both write that shard's cells on the shared volume.
        yaml.Append("  podReplacementPolicy: Failed\n");
        PodTemplate(yaml, Name, args, [("TOPODSL_JOB_COMPLETIONS", Number(Shards))]);
        return yaml.ToString();
    }

    /// <summary>A Job of one pod that runs <c>collect</c> on the shared folder once the sweep's Job is complete.</summary>
    public string CollectManifest()
    {
        string name = CollectName(Name);
        var yaml = new StringBuilder();
        yaml.Append("# Written by `k8s ").Append(Comment(Experiment)).Append(" --collect`: merges the shards of Job ").Append(Name)
            .Append(" into results.json and report.html, or names the cells still missing (exit 3).\n");
        Header(yaml, name);
        yaml.Append("spec:\n");
        yaml.Append("  completions: 1\n");
        yaml.Append("  backoffLimit: 0\n");
        PodTemplate(yaml, name, ["collect", Output, "--threads", Number(Cpus)], []);
        return yaml.ToString();
    }

    /// <summary>The collecting Job's name: the sweep's, ending in "-collect", still a DNS label.</summary>
    public static string CollectName(string name) => (name.Length > 55 ? name[..55].TrimEnd('-') : name) + "-collect";

    private void Header(StringBuilder yaml, string name)
    {
        yaml.Append("apiVersion: batch/v1\n");
        yaml.Append("kind: Job\n");
        yaml.Append("metadata:\n");
        yaml.Append("  name: ").Append(Scalar(name)).Append('\n');
        yaml.Append("  labels:\n");
        yaml.Append("    app.kubernetes.io/name: topodsl\n");
        yaml.Append("  annotations:\n");
        yaml.Append("    topodsl/experiment: ").Append(Scalar(Experiment)).Append('\n');
    }

    private void PodTemplate(StringBuilder yaml, string name, IReadOnlyList<string> args, IReadOnlyList<(string Name, string Value)> environment)
    {
        yaml.Append("  template:\n");
        yaml.Append("    metadata:\n");
        yaml.Append("      labels:\n");
        yaml.Append("        app.kubernetes.io/name: topodsl\n");
        yaml.Append("        topodsl/job: ").Append(Scalar(name)).Append('\n');
        yaml.Append("    spec:\n");
        yaml.Append("      restartPolicy: Never\n");
        yaml.Append("      containers:\n");
        yaml.Append("        - name: topodsl\n");
        yaml.Append("          image: ").Append(Scalar(Image)).Append('\n');
        yaml.Append("          command: [").Append(Scalar(Program)).Append("]\n");
        yaml.Append("          args: [").Append(string.Join(", ", args.Select(Scalar))).Append("]\n");
        if (environment.Count > 0)
        {
            yaml.Append("          env:\n");
            foreach (var (variable, value) in environment)
                yaml.Append("            - name: ").Append(variable).Append("\n              value: ").Append(Scalar(value)).Append('\n');
        }
        yaml.Append("          resources:\n");
        yaml.Append("            requests:\n");
        yaml.Append("              cpu: ").Append(Scalar(Number(Cpus))).Append('\n');
        if (Memory is not null)
        {
            yaml.Append("              memory: ").Append(Scalar(Memory)).Append('\n');
            yaml.Append("            limits:\n");
            yaml.Append("              memory: ").Append(Scalar(Memory)).Append('\n');
        }
        yaml.Append("          volumeMounts:\n");
        yaml.Append("            - name: ").Append(VolumeName).Append("\n              mountPath: ").Append(Scalar(Mount)).Append('\n');
        yaml.Append("      volumes:\n");
        yaml.Append("        - name: ").Append(VolumeName).Append('\n');
        yaml.Append("          persistentVolumeClaim:\n");
        yaml.Append("            claimName: ").Append(Scalar(Claim)).Append('\n');
    }

    /// <summary>
    /// A string as a YAML scalar: double-quoted with JSON's escapes, which YAML reads the same way, and with the line
    /// breaks that YAML has and JSON has not (U+0085, U+2028, U+2029) escaped too.
    /// </summary>
    public static string Scalar(string text) =>
        "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value
            .Replace("\u0085", "\\u0085", StringComparison.Ordinal).Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal) + "\"";

    // Text for a comment line: what could end the line or is not printable shows as '?'.
    private static string Comment(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Kubernetes' DNS label (RFC 1123): what Job, container and volume names must be.</summary>
    public static bool IsDnsLabel(string name) => name.Length is >= 1 and <= 63 && DnsLabel().IsMatch(name);

    /// <summary>Kubernetes' DNS subdomain (RFC 1123): what a PersistentVolumeClaim's name must be.</summary>
    public static bool IsDnsSubdomain(string name) => name.Length is >= 1 and <= 253 && name.Split('.').All(part => part.Length > 0 && DnsLabel().IsMatch(part));

    /// <summary>A Kubernetes quantity such as 4Gi, 512Mi or 2G (the forms a memory request takes).</summary>
    public static bool IsQuantity(string text) => Quantity().IsMatch(text);

    /// <summary>
    /// The longest name a Job of <paramref name="pods"/> indexed pods can have: the API server also names each pod's host
    /// NAME-INDEX, which must be a DNS label of at most 63 characters.
    /// </summary>
    public static int LongestName(int pods) => 63 - 1 - Number(Math.Max(pods, 1) - 1).Length;

    /// <summary>A default Job name from the experiment's: lower case, other characters as '-', at most <paramref name="longest"/>.</summary>
    public static string DefaultName(string experiment, bool quick, int longest = 63)
    {
        var name = new StringBuilder("topodsl-");
        foreach (char c in experiment.ToLowerInvariant()) name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        if (quick) name.Append("-quick");
        string text = Regex.Replace(name.ToString(), "-{2,}", "-");
        return (text.Length > longest ? text[..longest] : text).TrimEnd('-');
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")]
    private static partial Regex Quantity();
}
