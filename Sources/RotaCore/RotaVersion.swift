/// rota's version, recorded in every plan it writes.
public enum RotaVersion {
    public static let current = "0.1.0"
}
