namespace Platform.Gateway.Routing;

/// <summary>
/// Runs the gateway's request processing on the socket threads instead of handing every read and write to the thread
/// pool (<c>Gateway:InlineScheduling</c>, on by default): a proxy does little work per request and mostly waits on I/O;
/// without the hand-offs it spends about 15 % less CPU per request when it has a core to itself, and no more when it
/// shares cores with a busy service (see the README's benchmark section). The price:
/// code that blocks would stall the other connections of that socket thread, so nothing on the request path may block
/// (the Redis connection is opened at start-up, see <see cref="Program"/>).
/// </summary>
public static class InlineScheduling
{
    /// <summary>The runtime's switch for the socket layer; read once, when the first socket is created.</summary>
    public const string SocketsSwitch = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static WebApplicationBuilder UseInlineScheduling(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.GetValue("Gateway:InlineScheduling", defaultValue: true))
        {
            return builder;
        }

        // No socket exists yet (Kestrel binds when the app runs): the socket engine will read this when it starts.
        if (Environment.GetEnvironmentVariable(SocketsSwitch) is null)
        {
            Environment.SetEnvironmentVariable(SocketsSwitch, "1");
        }

        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        return builder;
    }
}
