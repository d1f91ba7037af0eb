using System.Diagnostics;
using System.Globalization;

namespace OrderActors.Benchmarks;

/// <summary>
/// Measures contenders in alternating rounds within one process, so machine noise hits them alike,
/// and compares their median throughput.
/// </summary>
internal sealed class Harness(TimeSpan roundLength, int rounds)
{
    public async Task<IReadOnlyDictionary<string, double>> CompareAsync(params (string Name, Func<int, Task> RunBatch)[] contenders)
    {
        foreach ((string name, Func<int, Task> run) in contenders)
        {
            await MeasureAsync(run, roundLength / 2);
            Console.WriteLine($"  warmed up {name}");
        }
        var samples = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        for (int round = 1; round <= rounds; round++)
        {
            foreach ((string name, Func<int, Task> run) in contenders)
            {
                double opsPerSecond = await MeasureAsync(run, roundLength);
                samples[name].Add(opsPerSecond);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}/{rounds} {name,-36} {opsPerSecond,12:N0} ops/s"));
            }
        }
        return samples.ToDictionary(s => s.Key, s => Median(s.Value));
    }

    private static async Task<double> MeasureAsync(Func<int, Task> runBatch, TimeSpan length)
    {
        const int batch = 1000;
        long operations = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < length)
        {
            await runBatch(batch);
            operations += batch;
        }
        return operations / watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
