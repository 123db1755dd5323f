using Microsoft.AspNetCore.Mvc;

namespace Orders.Api.Controllers;

[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase
{
    private static readonly List<string> ActiveUsers = new();
    private static readonly Dictionary<string, Order> Drafts = new();
    private static Order? lastOrder;
    private readonly List<Order> created = new();
    private readonly OrderIndex index;
    private readonly IRateLimiterStore limiter;

    public OrdersController(OrderIndex index, IRateLimiterStore limiter)
    {
        this.index = index;
        this.limiter = limiter;
    }

    [HttpPost]
    public IActionResult Create([FromBody] Order order)
    {
        if (!limiter.TryTake(order.CustomerId))
        {
            return StatusCode(429);
        }

        var stored = order with { Id = OrderNumbers.Next() };
        created.Add(stored); // look-alike: PF2001
        index.Remember(stored);
        lastOrder = stored; // expect: PF2001
        ActiveUsers.Add(User.Identity?.Name ?? "anonymous"); // expect: PF2001
        return CreatedAtAction(nameof(Get), new { id = stored.Id }, stored);
    }

    [HttpPut("drafts/{customerId}")]
    public IActionResult SaveDraft(string customerId, [FromBody] Order draft)
    {
        Drafts[customerId] = draft; // expect: PF2001
        return NoContent();
    }

    [HttpGet("{id}")]
    public IActionResult Get(string id) => index.Find(id) is { } order ? Ok(order) : NotFound();

    [HttpGet("last")]
    public IActionResult Last() => lastOrder is null ? NotFound() : Ok(lastOrder);
}
