using Microsoft.AspNetCore.SignalR;

namespace LiveBoard;

public sealed class BoardHub : Hub
{
    public Task Join(string board) => Groups.AddToGroupAsync(Context.ConnectionId, board);

    public Task Post(string board, string note) => Clients.Group(board).SendAsync("note", note);
}
