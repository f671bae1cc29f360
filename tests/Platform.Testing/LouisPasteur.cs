namespace Platform.Testing;

/// <summary>
/// The SMP Louis Pasteur's worked example (../shared/seeds/002): besides Saint-Pierre-la-Cour and Le Genest-Saint-Isle,
/// the twelve other communes of its area share 20,000 EUR a year by population.
/// </summary>
public static class LouisPasteur
{
    /// <summary>Loiron-Ruillé, Beaulieu-sur-Oudon, Le Bourgneuf-la-Forêt, Bourgon, La Brûlatte, La Gravelle, Launay-Villiers, Montjean, Olivet, Port-Brillet, Saint-Cyr-le-Gravelais, Saint-Ouën-des-Toits.</summary>
    public static readonly IReadOnlyList<string> TwelveCommunes =
        ["53137", "53026", "53039", "53040", "53045", "53108", "53129", "53158", "53169", "53182", "53209", "53243"];
}
