using System.Net;
using System.Net.Sockets;

namespace OrderActors.Silo.TestHost.Processes;

/// <summary>The three loopback ports of one silo process: HTTP (the facade, /readyz), silo-to-silo, and the gateway for clients.</summary>
public sealed record SiloPorts(int Http, int Silo, int Gateway)
{
    /// <summary>
    /// Below Linux's ephemeral range (32768–60999): a port the OS hands out for "any free port" can be taken by
    /// an outgoing connection (to PostgreSQL, between silos) in the moment before the silo process binds it.
    /// </summary>
    private const int FirstPort = 20000;
    private const int LastPort = 32000;

    private static int _next = FirstPort + Random.Shared.Next(LastPort - FirstPort);

    /// <summary>Three ports nobody listens on now, outside the ephemeral range, each handed out once per test run.</summary>
    public static SiloPorts Free() => new(NextFree(), NextFree(), NextFree());

    private static int NextFree()
    {
        for (int tries = 0; tries < LastPort - FirstPort; tries++)
        {
            int port = FirstPort + (Interlocked.Increment(ref _next) - FirstPort) % (LastPort - FirstPort);
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {FirstPort} and {LastPort}.");
    }

    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
