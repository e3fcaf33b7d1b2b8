package p;
@jakarta.ws.rs.Path("/r")
public class R { @jakarta.ws.rs.GET public String get() { return "ok"; } }
