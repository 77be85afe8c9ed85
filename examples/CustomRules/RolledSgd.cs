namespace CustomRules;

#if SHOW_REJECTED
/// <summary>
/// A rejected rule: each neuron takes its neighbour's gradient. That depends on the neurons' order, so the build
/// fails with TDSL0203 pointing at `roll(g, 1)`. Build with -p:ShowRejected=true to see it.
/// </summary>
[TopoDsl.UpdateRule("""
    p -= lr * roll(g, 1)
    """)]
public sealed partial class RolledSgd
{
    public float lr = 0.01f;
}
#endif
