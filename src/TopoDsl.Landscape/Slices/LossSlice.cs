using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Landscape.Slices;

/// <summary>
/// The loss on a 2-D grid through a network's parameters: <see cref="Losses"/>[row * Alphas.Count + column] is the
/// loss at α = Alphas[column], β = Betas[row].
/// </summary>
public sealed class LossSlice
{
    internal LossSlice(double[] alphas, double[] betas, double[] losses)
    {
        Alphas = alphas;
        Betas = betas;
        Losses = losses;
    }

    /// <summary>The first direction's coefficients, one per column.</summary>
    public IReadOnlyList<double> Alphas { get; }

    /// <summary>The second direction's coefficients, one per row.</summary>
    public IReadOnlyList<double> Betas { get; }

    /// <summary>The losses, row by row (β rows, α columns).</summary>
    public IReadOnlyList<double> Losses { get; }

    /// <summary>The loss at grid row <paramref name="row"/> (β) and column <paramref name="column"/> (α).</summary>
    public double At(int row, int column) => Losses[row * Alphas.Count + column];

    /// <summary>
    /// 0-dimensional sublevel persistence of the grid: its minima, saddles and bars (Tamim's landscape diagram).
    /// A NaN or infinite loss is refused: it names the grid point.
    /// </summary>
    public SublevelResult Persistence(GridConnectivity connectivity = GridConnectivity.Faces) =>
        SublevelPersistence.OnGrid(Losses.ToArray(), [Betas.Count, Alphas.Count], connectivity);

    /// <summary>Total persistence Σ (death - birth)^q over the finite bars of <see cref="Persistence"/>.</summary>
    public double TotalPersistence(double q = 1, GridConnectivity connectivity = GridConnectivity.Faces) =>
        Homology.Diagrams.TotalPersistence.Compute(Persistence(connectivity).FiniteBars.ToList(), q);
}
