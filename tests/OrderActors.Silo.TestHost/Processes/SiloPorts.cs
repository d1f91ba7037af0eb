using System.Net;
using System.Net.Sockets;

namespace OrderActors.Silo.TestHost.Processes;

/// <summary>The three loopback ports of one silo process: HTTP (the facade, /readyz), silo-to-silo, and the gateway for clients.</summary>
public sealed record SiloPorts(int Http, int Silo, int Gateway)
{
    /// <summary>Ports nobody listens on now (the OS hands out each once, so the three differ).</summary>
    public static SiloPorts Free()
    {
        using var http = Listen();
        using var silo = Listen();
        using var gateway = Listen();
        return new SiloPorts(PortOf(http), PortOf(silo), PortOf(gateway));
    }

    private static Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }

    private static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
