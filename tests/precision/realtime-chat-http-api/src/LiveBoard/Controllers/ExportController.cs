using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace LiveBoard.Controllers;

[ApiController]
[Route("api/export")]
public sealed class ExportController(ScoreFeed feed) : ControllerBase
{
    [HttpGet("csv")]
    public async Task Csv(CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv";
        await foreach (var score in feed.WatchAsync(cancellationToken))
        {
            await Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"{score.Team},{score.Points}\n"), cancellationToken);
            await Response.Body.FlushAsync(cancellationToken); // expect: PF1002
        }
    }

    [HttpGet("summary")]
    public async Task<IActionResult> Summary(CancellationToken cancellationToken) // look-alike: PF1002
    {
        var total = 0;
        await foreach (var score in feed.WatchAsync(cancellationToken))
        {
            total += score.Points;
            break;
        }

        return Ok(new { total });
    }
}
