using OrderActors.Benchmarks;

return args.FirstOrDefault() switch
{
    "runtime" => await RuntimeBenchmark.RunAsync(args.Skip(1).ToArray()),
    "cluster" => await ClusterBenchmark.RunAsync(args.Skip(1).ToArray()),
    "reroute" => await StockBenchmarks.RerouteAsync(args.Skip(1).ToArray()),
    "hotsku" => await StockBenchmarks.HotSkuAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OrderActors.Benchmarks runtime|cluster [--seconds N] | reroute [--orders N] | hotsku [--orders N] [--buckets N]");
    return 2;
}
