using TopoDsl.Experiments.Running;
using Xunit;

namespace TopoDsl.Experiments.Tests;

public sealed class BackgroundWritesTests
{
    [Fact]
    public void Writes_run_in_the_order_they_were_asked_for()
    {
        var writes = new BackgroundWrites();
        var done = new List<int>();
        for (int k = 0; k < 50; k++)
        {
            int index = k;
            writes.Enqueue(() =>
            {
                if (index % 7 == 0) Thread.Sleep(2); // a slow write must still not be overtaken
                lock (done) done.Add(index);
            });
        }
        writes.Drain();
        Assert.Equal(Enumerable.Range(0, 50), done);
    }

    [Fact]
    public void A_failed_write_stops_the_later_ones_and_is_rethrown_as_thrown()
    {
        var writes = new BackgroundWrites();
        bool laterRan = false;
        writes.Enqueue(() => throw new UnauthorizedAccessException("cannot write results/x.csv"));
        writes.Enqueue(() => laterRan = true);
        var error = Assert.Throws<UnauthorizedAccessException>(writes.Drain);
        Assert.Equal("cannot write results/x.csv", error.Message);
        Assert.False(laterRan);
        Assert.Throws<UnauthorizedAccessException>(() => writes.Enqueue(() => { }));
    }
}
