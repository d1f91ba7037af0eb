namespace OrderActors.LoadTest.Engine;

/// <summary>
/// Makes the thread pool start threads at once up to a load generator's concurrency. Left to itself the pool adds
/// about one thread every half second once its few threads are busy or blocked (a test host blocks some), and
/// that wait would be charged to the system under test as latency or dropped requests.
/// </summary>
public static class ThreadReservation
{
    private const int Margin = 8;

    public static void Ensure(int concurrency)
    {
        ThreadPool.GetMinThreads(out int workers, out int completion);
        int wanted = concurrency + Margin;
        if (workers < wanted || completion < wanted)
        {
            ThreadPool.SetMinThreads(Math.Max(workers, wanted), Math.Max(completion, wanted));
        }
    }
}
