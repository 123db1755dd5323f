using Amazon.SQS;
using Microsoft.AspNetCore.Mvc;

namespace Storefront.Controllers;

[ApiController]
[Route("api/cart")]
public sealed class CartController(IAmazonSQS sqs, InventoryClient inventory) : ControllerBase
{
    private readonly AmazonSQSClient perRequest = new(); // expect: PF5001

    [HttpPost("checkout")]
    public async Task<IActionResult> Checkout([FromBody] string cartId)
    {
        await sqs.SendMessageAsync("https://sqs.eu-north-1.amazonaws.com/123456789012/checkout", cartId);
        await perRequest.SendMessageAsync("https://sqs.eu-north-1.amazonaws.com/123456789012/audit", cartId);
        return Accepted(new { cartId, stock = await inventory.FallbackStockAsync(cartId), price = await inventory.PriceAsync(cartId) });
    }

    [HttpGet("legacy/{id}")]
    public async Task<IActionResult> Legacy(string id)
    {
        var client = new HttpClient { BaseAddress = new Uri("https://legacy.example.com/") }; // expect: PF5001
        return Ok(await client.GetStringAsync($"carts/{id}"));
    }
}
