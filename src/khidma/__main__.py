from khidma.cli import main

main()
