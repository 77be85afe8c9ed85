namespace TopoDsl.Training.Data;

internal static class Permutation
{
    public static int[] Identity(int n)
    {
        var order = new int[n];
        Fill(order);
        return order;
    }

    public static void Fill(Span<int> order)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
    }
}
