namespace TopoDsl.Experiments.Running;

/// <summary>
/// A run's file writes, done one after another on a background task in the order they were asked for, so that
/// waiting for the disk (each file is flushed to it before its rename) does not hold up training. The order keeps
/// the guarantee of the checkpoints: a checkpoint reaches the disk only after the cloud files it counts as written.
/// A write that failed is rethrown, as it was thrown, by the next <see cref="Enqueue"/> or by <see cref="Drain"/>.
/// </summary>
internal sealed class BackgroundWrites
{
    private Task _last = Task.CompletedTask;

    public void Enqueue(Action write)
    {
        if (_last.IsFaulted) Drain();
        _last = _last.ContinueWith(previous =>
        {
            previous.GetAwaiter().GetResult(); // a failed write stops the ones after it
            write();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Waits until every write asked for is on disk; rethrows the first failure.</summary>
    public void Drain() => _last.GetAwaiter().GetResult();
}
