namespace Purrr.Core.ThreeD;

/// <summary>What a player can click or point a controller at in a cat's 3D room.</summary>
public enum SceneTarget { Cat, Toy, Bowl }
