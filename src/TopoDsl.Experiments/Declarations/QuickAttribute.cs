namespace TopoDsl.Experiments;

/// <summary>What <c>run NAME --quick</c> changes, so that a first look takes seconds; every setting 0 keeps the full one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class QuickAttribute : Attribute
{
    /// <summary>Hidden width of every hidden layer of an <see cref="MlpAttribute"/> network.</summary>
    public int Neurons { get; set; }

    /// <summary>Epochs instead of the full schedule's.</summary>
    public int Epochs { get; set; }

    /// <summary>Steps instead of the full schedule's.</summary>
    public int Steps { get; set; }

    /// <summary>How many seeds to run.</summary>
    public int Seeds { get; set; }
}
