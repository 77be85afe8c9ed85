using System.Runtime.CompilerServices;
using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Rips;

internal sealed partial class RipsEngine<TMetric, TCursor>
{
    /// <summary>Reduces the coboundary columns of one dimension, in order, recording pairs and essential classes.</summary>
    private void Reduce(Simplex[] columns, PivotMap pivots, int dimension)
    {
        using var record = new ReductionRecord(columns.Length);
        using var reducer = new ColumnReducer(this, columns, pivots, record, dimension);
        for (int i = 0; i < columns.Length; i++)
        {
            if ((i & 0xFFF) == 0) _cancellation.ThrowIfCancellationRequested();
            reducer.Reduce(i);
        }
    }

    /// <summary>Reduces single columns; holds the working column buffers so that no step allocates.</summary>
    private sealed class ColumnReducer : IDisposable
    {
        private readonly RipsEngine<TMetric, TCursor> _engine;
        private readonly Simplex[] _columns;
        private readonly PivotMap _pivots;
        private readonly ReductionRecord _record;
        private readonly int _dimension;
        private readonly Field _field;
        private readonly int _modulus;
        private readonly float _threshold;
        private readonly ColumnHeap _coboundary;
        private readonly ColumnHeap _added;
        private readonly ApparentPairs _apparent;
        private TCursor _cursor;

        public ColumnReducer(RipsEngine<TMetric, TCursor> engine, Simplex[] columns, PivotMap pivots,
            ReductionRecord record, int dimension)
        {
            _engine = engine;
            _columns = columns;
            _pivots = pivots;
            _record = record;
            _dimension = dimension;
            _field = engine._field;
            _modulus = _field.Modulus;
            _coboundary = new ColumnHeap(_modulus);
            _added = new ColumnHeap(_modulus);
            _threshold = engine._threshold;
            _apparent = new ApparentPairs(engine);
            _cursor = engine._metric.CreateCursor(engine._binomials, engine._maxDimension + 1);
        }

        public void Dispose()
        {
            _coboundary.Dispose();
            _added.Dispose();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Reduce(int column)
        {
            var sigma = _columns[column];
            _coboundary.Clear();
            _added.Clear();
            var pivot = InitialPivot(sigma);
            while (true)
            {
                if (pivot.IsNone)
                {
                    _engine._bars[_dimension].Add(new PersistenceInterval(sigma.Diameter, double.PositiveInfinity));
                    _record.EndColumn();
                    return;
                }
                if (_pivots.TryGet(pivot.Index, out int owner, out int ownerCoefficient))
                {
                    AddColumn(owner, Cancelling(pivot.Coefficient, ownerCoefficient));
                }
                else if (_apparent.HasZeroApparentFacet(pivot.Index, pivot.Diameter, _dimension + 1, out var facet))
                {
                    // The facet's column is its plain coboundary, whose pivot is this one: add it directly.
                    AddSimplex(facet.Index, facet.Diameter, Cancelling(pivot.Coefficient, facet.Coefficient));
                }
                else
                {
                    Pair(column, sigma, pivot);
                    return;
                }
                pivot = _coboundary.Pivot();
            }
        }

        /// <summary>The factor f with c + f * other = 0 in Z/p.</summary>
        private int Cancelling(int coefficient, int other) =>
            _modulus == 2 ? 1 : _field.Negate(_field.Multiply(coefficient, _field.Inverse(other)));

        private void Pair(int column, Simplex sigma, Term pivot)
        {
            _pivots.Add(pivot.Index, column, pivot.Coefficient);
            bool visible = pivot.Diameter > sigma.Diameter;
            if (visible) _engine._bars[_dimension].Add(new PersistenceInterval(sigma.Diameter, pivot.Diameter));

            List<CocycleEntry>? cocycle = visible && _dimension == 1 && _engine._wantCocycles ? [] : null;
            cocycle?.Add(_engine.Entry(sigma.Index, 1, 1));
            while (true)
            {
                var term = _added.PopPivot();
                if (term.IsNone) break;
                _record.Append(term);
                cocycle?.Add(_engine.Entry(term.Index, 1, term.Coefficient));
            }
            _record.EndColumn();
            if (cocycle is not null)
                _engine._cocycles.Add(new Cocycle(1, new PersistenceInterval(sigma.Diameter, pivot.Diameter), cocycle));
        }

        /// <summary>
        /// Enumerates the column's coboundary. Emergent pair: when the first cofacet of equal diameter (the
        /// pivot) is owned by no column and by no apparent pair, the column pairs with it without being built.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Term InitialPivot(Simplex sigma)
        {
            bool checkEmergent = true;
            _cursor.Start(sigma.Index, sigma.Diameter, _dimension, aboveTopVertexOnly: false);
            while (_cursor.MoveNext(_threshold))
            {
                var cofacet = new Term(_cursor.Diameter, _cursor.Index, _field.Sign(_cursor.Position));
                if (checkEmergent && cofacet.Diameter == sigma.Diameter)
                {
                    if (!_pivots.Contains(cofacet.Index) &&
                        !_apparent.HasZeroApparentFacet(cofacet.Index, cofacet.Diameter, _dimension + 1, out _))
                    {
                        _coboundary.Clear();
                        return cofacet;
                    }
                    checkEmergent = false;
                }
                _coboundary.AddUnordered(cofacet);
            }
            _coboundary.Heapify();
            return _coboundary.Pivot();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AddColumn(int column, int factor)
        {
            var owner = _columns[column];
            AddSimplex(owner.Index, owner.Diameter, factor);
            foreach (var term in _record.Column(column))
                AddSimplex(term.Index, term.Diameter, _modulus == 2 ? 1 : _field.Multiply(term.Coefficient, factor));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AddSimplex(long index, float diameter, int coefficient)
        {
            _added.Push(new Term(diameter, index, coefficient));
            _cursor.Start(index, diameter, _dimension, aboveTopVertexOnly: false);
            if (_modulus == 2)
            {
                while (_cursor.MoveNext(_threshold))
                    _coboundary.Push(new Term(_cursor.Diameter, _cursor.Index, 1));
                return;
            }
            while (_cursor.MoveNext(_threshold))
                _coboundary.Push(new Term(_cursor.Diameter, _cursor.Index,
                    _field.Multiply(coefficient, _field.Sign(_cursor.Position))));
        }
    }

    /// <summary>A simplex of a cocycle, by its vertices (ascending).</summary>
    private CocycleEntry Entry(long index, int dimension, int coefficient)
    {
        var vertices = new int[dimension + 1];
        _binomials.Vertices(index, dimension, vertices);
        Array.Reverse(vertices);
        return new CocycleEntry(vertices, coefficient);
    }
}
