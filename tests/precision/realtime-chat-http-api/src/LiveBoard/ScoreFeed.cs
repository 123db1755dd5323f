using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace LiveBoard;

public sealed record Score(string Team, int Points);

public sealed class ScoreFeed(IHttpClientFactory clients)
{
    public async IAsyncEnumerable<Score> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = clients.CreateClient("scores"); // look-alike: PF5001
        while (!cancellationToken.IsCancellationRequested)
        {
            var scores = await client.GetFromJsonAsync<Score[]>("v1/scores", cancellationToken) ?? [];
            foreach (var score in scores)
            {
                yield return score;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // look-alike: PF3001
        }
    }
}
