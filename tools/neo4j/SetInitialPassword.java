// Sets the initial password of the 'neo4j' user from $NEO4J_PASSWORD, inside this JVM, so that the
// password never appears on a command line (where `ps` would show it). Run by `server start`
// with Java's single-file source launcher: java -cp 'cache/lib/*' SetInitialPassword.java
public class SetInitialPassword {
    public static void main(String[] args) {
        String password = System.getenv("NEO4J_PASSWORD");  // the server script sets its default
        if (password == null || password.isEmpty()) {
            System.err.println("neo4j: NEO4J_PASSWORD is empty; set it");
            System.exit(2);
        }
        org.neo4j.cli.AdminTool.main(new String[] {"dbms", "set-initial-password", password});
    }
}
