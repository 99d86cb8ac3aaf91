namespace Purrr.Core.ThreeD;

/// <summary>What a 3D view is told after a click: whether the cat reacts, and the message the page shows.</summary>
public sealed record SceneAnswer(bool Succeeded, string Message);
