using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Controllers;

[ApiController]
[Route("internal/audit")]
public sealed class AuditController(MetricsSource source) : ControllerBase
{
    [HttpGet("stream")]
    public IAsyncEnumerable<Metric> Stream(CancellationToken cancellationToken) => source.ReadAsync(cancellationToken); // expect: PF1002

    [HttpGet("latest")]
    public async Task<ActionResult<IReadOnlyList<Metric>>> Latest(CancellationToken cancellationToken) => Ok(await source.SnapshotAsync(cancellationToken)); // look-alike: PF1002
}
