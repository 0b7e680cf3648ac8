/// What a line asks of an account today: its item bought today, its review in
/// `day + lag ... through`.
struct LineNeedToday {
    var item: Int
    var lag: Int
    var through: Int
    var day: Int
}
