module shipshape.dev/gooracle

go 1.21
