fn main() {
    std::process::exit(leakscan::cli::main());
}
