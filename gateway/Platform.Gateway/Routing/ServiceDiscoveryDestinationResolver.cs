using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Platform.Gateway.Routing;

/// <summary>
/// Expands a destination such as <c>http://patients</c> into the service's actual endpoints through
/// Microsoft.Extensions.ServiceDiscovery (configuration <c>services__patients__http__0</c> locally and under Aspire,
/// DNS in Kubernetes). Microsoft.Extensions.ServiceDiscovery.Yarp is not available here, hence this small resolver.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(destination.Address, cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var index = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var uri = ToUri(address, endpoint.EndPoint);
                resolved[source.Endpoints.Count == 1 ? name : $"{name}[{index}]"] = destination with
                {
                    Address = uri.ToString(),
                    Health = destination.Health is null ? null : ToUri(new Uri(destination.Health), endpoint.EndPoint).ToString(),
                };
                index++;
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    private static Uri ToUri(Uri original, EndPoint endpoint)
    {
        if (endpoint is UriEndPoint { Uri: var uri })
        {
            return new UriBuilder(original) { Scheme = uri.Scheme, Host = uri.Host, Port = uri.Port }.Uri;
        }

        var (host, port) = endpoint switch
        {
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            DnsEndPoint dns => (dns.Host, dns.Port),
            _ => throw new InvalidOperationException($"Unsupported endpoint {endpoint} for {original}."),
        };
        return new UriBuilder(original) { Host = host, Port = port }.Uri;
    }
}
