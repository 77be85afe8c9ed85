using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// What the API server would check of a Job manifest, without a cluster. The manifest is read strictly into the
/// Kubernetes client's models, which are generated from Kubernetes' OpenAPI schema: a field the schema does not have
/// (a misspelling) or a value of the wrong type is an error. Then the schema's required fields and the API server's
/// own rules for Jobs and pod templates (kubernetes pkg/apis/batch/validation and pkg/apis/core/validation) are checked.
/// </summary>
internal static partial class KubernetesJobSchema
{
    /// <summary>The Job in <paramref name="yaml"/>; throws with every broken rule named.</summary>
    public static V1Job Read(string yaml)
    {
        var job = KubernetesYaml.Deserialize<V1Job>(yaml, strict: true);
        var errors = Errors(job).ToList();
        if (errors.Count > 0) throw new InvalidDataException("the manifest is not a valid Job: " + string.Join("; ", errors));
        return job;
    }

    public static IEnumerable<string> Errors(V1Job job)
    {
        if (job.ApiVersion != "batch/v1") yield return $"apiVersion is {job.ApiVersion}, not batch/v1";
        if (job.Kind != "Job") yield return $"kind is {job.Kind}, not Job";
        if (job.Metadata?.Name is not string name) yield return "metadata.name is required";
        else if (!IsDnsLabel(name)) yield return $"metadata.name {name} is not a DNS label (a Job's name becomes a label value)";
        foreach (var error in LabelErrors("metadata.labels", job.Metadata?.Labels)) yield return error;
        if (job.Spec is not V1JobSpec spec)
        {
            yield return "spec is required";
            yield break;
        }
        foreach (var error in SpecErrors(spec)) yield return error;
        // An Indexed Job's pods get the host name NAME-INDEX, which must be a DNS label too.
        if (spec.CompletionMode == "Indexed" && spec.Completions is int completions and > 0 && job.Metadata?.Name is string jobName
            && !IsDnsLabel($"{jobName}-{completions - 1}"))
            yield return $"metadata.name {jobName} is too long for its last pod's host name {jobName}-{completions - 1} (a DNS label)";
    }

    private static IEnumerable<string> SpecErrors(V1JobSpec spec)
    {
        if (spec.Completions < 0) yield return "spec.completions must be 0 or more";
        if (spec.Parallelism < 0) yield return "spec.parallelism must be 0 or more";
        if (spec.BackoffLimit < 0) yield return "spec.backoffLimit must be 0 or more";
        bool indexed = spec.CompletionMode == "Indexed";
        if (spec.CompletionMode is not (null or "NonIndexed" or "Indexed")) yield return $"spec.completionMode {spec.CompletionMode} is not NonIndexed or Indexed";
        if (indexed && spec.Completions is null) yield return "spec.completions is required when completionMode is Indexed";
        if (indexed && spec.Completions > 100_000) yield return "spec.completions must be at most 100000 when completionMode is Indexed";
        if (indexed && spec.Parallelism > 100_000) yield return "spec.parallelism must be at most 100000 when completionMode is Indexed";
        if (spec.PodReplacementPolicy is not (null or "TerminatingOrFailed" or "Failed"))
            yield return $"spec.podReplacementPolicy {spec.PodReplacementPolicy} is not TerminatingOrFailed or Failed";
        if (spec.BackoffLimitPerIndex is int perIndex)
        {
            if (!indexed) yield return "spec.backoffLimitPerIndex needs completionMode Indexed";
            if (perIndex < 0) yield return "spec.backoffLimitPerIndex must be 0 or more";
            if (spec.Template?.Spec?.RestartPolicy != "Never") yield return "spec.backoffLimitPerIndex needs the template's restartPolicy Never";
        }
        if (spec.Template?.Spec is not V1PodSpec pod)
        {
            yield return "spec.template.spec is required";
            yield break;
        }
        foreach (var error in LabelErrors("spec.template.metadata.labels", spec.Template.Metadata?.Labels)) yield return error;
        foreach (var error in PodErrors(pod)) yield return error;
    }

    private static IEnumerable<string> PodErrors(V1PodSpec pod)
    {
        if (pod.RestartPolicy is not ("Never" or "OnFailure")) yield return $"a Job's restartPolicy must be Never or OnFailure, not {pod.RestartPolicy ?? "unset"}";
        var volumes = pod.Volumes ?? [];
        foreach (var volume in volumes)
        {
            if (!IsDnsLabel(volume.Name ?? "")) yield return $"volume name {volume.Name} is not a DNS label";
            if (volume.PersistentVolumeClaim is { } claim && string.IsNullOrEmpty(claim.ClaimName)) yield return $"volume {volume.Name}: claimName is required";
        }
        if (volumes.Select(v => v.Name).Distinct().Count() != volumes.Count) yield return "volume names repeat";
        if (pod.Containers is not { Count: > 0 } containers)
        {
            yield return "spec.template.spec.containers needs at least one container";
            yield break;
        }
        foreach (var container in containers)
        {
            if (!IsDnsLabel(container.Name ?? "")) yield return $"container name {container.Name} is not a DNS label";
            if (string.IsNullOrWhiteSpace(container.Image)) yield return $"container {container.Name}: image is required";
            foreach (var variable in container.Env ?? [])
                if (!EnvironmentName().IsMatch(variable.Name ?? "")) yield return $"environment variable name '{variable.Name}' is not valid";
            foreach (var mount in container.VolumeMounts ?? [])
            {
                if (!volumes.Any(v => v.Name == mount.Name)) yield return $"volumeMount {mount.Name} names no volume";
                if (string.IsNullOrEmpty(mount.MountPath)) yield return $"volumeMount {mount.Name}: mountPath is required";
            }
            foreach (var error in ResourceErrors(container.Resources)) yield return error;
        }
    }

    private static IEnumerable<string> ResourceErrors(V1ResourceRequirements? resources)
    {
        var requests = resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
        var limits = resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
        foreach (var (resource, quantity) in requests.Concat(limits))
            if (!QuantityForm().IsMatch(quantity.ToString())) yield return $"{resource}: {quantity} is not a quantity";
        foreach (var (resource, limit) in limits)
            if (requests.TryGetValue(resource, out var request) && request.ToDecimal() > limit.ToDecimal())
                yield return $"{resource}: the request {request} is above the limit {limit}";
    }

    private static IEnumerable<string> LabelErrors(string where, IDictionary<string, string>? labels)
    {
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
            if (value.Length > 63 || !LabelValue().IsMatch(value)) yield return $"{where}: the value of {key} ('{value}') is not a label value";
    }

    private static bool IsDnsLabel(string name) => name.Length is >= 1 and <= 63 && DnsLabel().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$")]
    private static partial Regex QuantityForm();
}
